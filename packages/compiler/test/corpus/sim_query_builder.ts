function buildQuery(params: Record<string, string | number | boolean | string[] | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [String(v)];
    for (const x of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
  }
  return parts.length ? "?" + parts.join("&") : "";
}
console.log(buildQuery({ q: "a b&c", page: 2, debug: true, tags: ["x", "y z"], skip: undefined, "ü": "é" }));
console.log(buildQuery({}), buildQuery({ empty: "" }));
const parsed = new Map<string, string[]>();
for (const pair of "a=1&b=2&a=3&c".split("&")) {
  const [k, v = ""] = pair.split("=");
  const list = parsed.get(k!) ?? [];
  list.push(v);
  parsed.set(k!, list);
}
console.log([...parsed]);
