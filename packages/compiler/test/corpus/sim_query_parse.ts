function parseQuery(qs: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (qs.startsWith("?")) qs = qs.slice(1);
  for (const part of qs.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    const rawVal = eq >= 0 ? part.slice(eq + 1) : "";
    const key = decodeURIComponent(rawKey.replace(/\+/g, " "));
    const val = decodeURIComponent(rawVal.replace(/\+/g, " "));
    const list = out.get(key) ?? [];
    list.push(val);
    out.set(key, list);
  }
  return out;
}
function buildQuery(params: Map<string, string[]>): string {
  const parts: string[] = [];
  for (const [k, vs] of params) for (const v of vs) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.join("&");
}
const q = parseQuery("?a=1&b=two+words&a=3&empty=&flag&x%20y=%C3%A9");
for (const [k, v] of q) console.log(JSON.stringify(k), JSON.stringify(v));
console.log(buildQuery(q));
console.log(buildQuery(parseQuery(buildQuery(q))) === buildQuery(q));
