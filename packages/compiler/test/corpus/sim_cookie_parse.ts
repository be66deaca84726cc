function parseCookies(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !out.has(name)) out.set(name, decodeURIComponent(value));
  }
  return out;
}
const c = parseCookies('sid=abc%20123; theme="dark"; empty=; bad; sid=dup; ünï=%C3%A9');
console.log([...c.entries()], c.get("sid"), c.get("missing"));
function serialize(name: string, value: string, opts: { maxAge?: number; path?: string; httpOnly?: boolean }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(opts.maxAge)}`);
  if (opts.path) parts.push(`Path=${opts.path}`);
  if (opts.httpOnly) parts.push("HttpOnly");
  return parts.join("; ");
}
console.log(serialize("a b", "x;y", { maxAge: 3600.7, path: "/", httpOnly: true }), serialize("k", "v", {}));
