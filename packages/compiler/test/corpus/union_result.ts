type Result<T> = { ok: true; value: T } | { ok: false; error: string };
function parsePort(s: string): Result<number> {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) return { ok: false, error: `bad port ${s}` };
  return { ok: true, value: n };
}
for (const s of ["80", "0", "x", "443", "70000"]) {
  const r = parsePort(s);
  if (r.ok) console.log("port", r.value);
  else console.log("error", r.error);
}
const results = ["1", "2"].map(parsePort);
console.log(JSON.stringify(results));
