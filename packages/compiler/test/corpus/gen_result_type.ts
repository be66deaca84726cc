type Result<T> = { ok: true; value: T } | { ok: false; error: string };
function parseNum(s: string): Result<number> {
  const n = Number(s);
  return Number.isNaN(n) ? { ok: false, error: `not a number: ${s}` } : { ok: true, value: n };
}
function unwrapOr<T>(r: Result<T>, d: T): T { return r.ok ? r.value : d; }
for (const s of ["12", "x", "3.5"]) {
  const r = parseNum(s);
  if (r.ok) console.log("ok", r.value * 2); else console.log("err", r.error);
  console.log(unwrapOr(r, -1));
}
