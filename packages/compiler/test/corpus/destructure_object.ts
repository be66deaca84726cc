interface Req {
  method: string;
  path: string;
  headers: { host: string; ua?: string };
  retries?: number;
}
const req: Req = { method: "GET", path: "/a", headers: { host: "h" } };
const { method, path: p, headers: { host, ua = "none" }, retries = 3 } = req;
console.log(method, p, host, ua, retries);
const { method: m2, ...rest } = req;
console.log(m2, rest, JSON.stringify(rest));
function handle({ method, path }: Req, { verbose = false }: { verbose?: boolean } = {}): string {
  return verbose ? `${method} ${path} (verbose)` : `${method} ${path}`;
}
console.log(handle(req), handle(req, { verbose: true }));
let a = 0;
let b = 0;
({ a, b } = { a: 5, b: 6 });
console.log(a, b);
const list = [{ id: 1, tag: "x" }, { id: 2, tag: "y" }];
for (const { id, tag } of list) console.log(id, tag);
console.log(list.map(({ id }) => id * 10));
