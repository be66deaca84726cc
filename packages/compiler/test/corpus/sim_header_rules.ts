type Action = { kind: "set"; name: string; value: string } | { kind: "remove"; name: string } | { kind: "append"; name: string; value: string };
interface Rule {
  match: RegExp;
  actions: Action[];
}
const rules: Rule[] = [
  { match: /^\/api\//, actions: [{ kind: "set", name: "x-api", value: "1" }, { kind: "remove", name: "cookie" }] },
  { match: /\.(png|jpg)$/i, actions: [{ kind: "set", name: "cache-control", value: "max-age=3600" }] },
  { match: /./, actions: [{ kind: "append", name: "via", value: "mosn-ts" }] },
];
function apply(path: string, headers: Map<string, string[]>): void {
  for (const r of rules) {
    if (!r.match.test(path)) continue;
    for (const a of r.actions) {
      switch (a.kind) {
        case "set":
          headers.set(a.name, [a.value]);
          break;
        case "remove":
          headers.delete(a.name);
          break;
        case "append":
          headers.set(a.name, [...(headers.get(a.name) ?? []), a.value]);
          break;
      }
    }
  }
}
for (const path of ["/api/users", "/img/LOGO.PNG", "/"]) {
  const h = new Map<string, string[]>([["cookie", ["a=b"]], ["via", ["proxy"]]]);
  apply(path, h);
  console.log(path, JSON.stringify([...h.entries()]));
}
