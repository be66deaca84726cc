interface Ok { kind: "ok"; data: number[] }
interface Fail { kind: "fail"; reason: string }
type R = Ok | Fail;
function isOk(r: R): r is Ok { return r.kind === "ok"; }
const rs: R[] = [{ kind: "ok", data: [1, 2] }, { kind: "fail", reason: "nope" }, { kind: "ok", data: [] }];
for (const r of rs) console.log(isOk(r) ? `ok ${r.data.length}` : `fail ${r.reason}`);
const oks = rs.filter(isOk);
console.log(oks.length, oks.map((o) => o.data.join("+")));
function assertString(v: unknown): asserts v is string { if (typeof v !== "string") throw new TypeError("not a string"); }
const u: unknown = "text";
assertString(u);
console.log(u.toUpperCase());
