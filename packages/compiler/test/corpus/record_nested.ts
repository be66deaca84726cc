const routes: Record<string, Record<string, number>> = {};
function add(method: string, path: string, id: number): void {
  const byPath = routes[method] ?? (routes[method] = {});
  byPath[path] = id;
}
add("GET", "/a", 1); add("POST", "/a", 2); add("GET", "/b", 3);
console.log(JSON.stringify(routes), Object.keys(routes["GET"] ?? {}));
console.log(routes["PUT"]?.["/a"] ?? "none", routes["GET"]?.["/b"]);
