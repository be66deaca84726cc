interface Cfg {
  prefix?: string;
  limit?: number;
}
function show(c: Cfg): string {
  let out = "";
  if (c.prefix !== undefined) {
    out += c.prefix.toUpperCase();
  }
  if (c.limit) {
    out += String(c.limit * 2);
  }
  const p = c.prefix;
  if (p) out += p.length;
  return out;
}
console.log(show({}), show({ prefix: "ab" }), show({ prefix: "", limit: 0 }), show({ limit: 3 }));
