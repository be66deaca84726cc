const users = [{ name: "Ann", tags: ["a"] }, { name: "bob" }, { name: "cy", tags: [] as string[] }];
for (const u of users) {
  console.log(u.name, u.tags);
  if (u.tags !== undefined) console.log(u.tags.length);
  console.log(JSON.stringify(u), Object.keys(u));
}
const cond = users.length > 1;
const o = cond ? { a: 1 } : { a: 2, b: "x" };
console.log(o.a, o.b, o);
const p = !cond ? {} : { a: 2, b: "x" };
console.log(p.a, p);
function mk(n: number) {
  if (n > 0) return { kind: "pos", v: n };
  return { kind: "neg" };
}
const m = mk(3);
console.log(mk(-1).kind, m.v, mk(-1).v, mk(-1));
const f = (n: number) => (n > 0 ? { x: n } : { y: "neg" });
console.log(f(1), f(-1), f(1).x, f(-1).y);
async function amk(n: number) {
  if (n > 0) return { ok: true, v: n };
  return { ok: false, err: "bad" };
}
async function main() {
  const r = await amk(1);
  console.log(r.ok, r.v, r.err);
  const q = await amk(0);
  console.log(q, q.err);
}
await main();
// The same shapes narrowed by a member's presence, mutated, and passed around.
function describeUser(u: (typeof users)[number]): string {
  return u.tags === undefined ? `${u.name} (no tags)` : `${u.name} [${u.tags.join(",")}]`;
}
console.log(users.map(describeUser).join("; "));
const first = users[0]!;
first.tags = ["b", "c"];
console.log(users[0], first === users[0]);
const pick = (n: number) => [{ id: n }, { id: n + 1, label: "next" }][n % 2]!;
console.log(pick(0), pick(1), pick(1).label);
