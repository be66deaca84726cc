function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") { out.pop(); continue; }
    out.push(seg);
  }
  return "/" + out.join("/") + (path.endsWith("/") && out.length > 0 ? "/" : "");
}
for (const p of ["/a/b/../c/./d", "//x///y/", "/../..", "/a/%2e%2e/b", "", "/only/"]) console.log(JSON.stringify(p), "->", normalize(p));
function matchRoute(pattern: string, path: string): Record<string, string> | undefined {
  const ps = pattern.split("/"), xs = path.split("/");
  if (ps.length !== xs.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!, x = xs[i]!;
    if (p.startsWith(":")) params[p.slice(1)] = x; else if (p !== x) return undefined;
  }
  return params;
}
console.log(matchRoute("/users/:id/posts/:post", "/users/42/posts/7"), matchRoute("/users/:id", "/teams/1"));
