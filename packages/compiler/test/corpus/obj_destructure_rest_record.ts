interface Req { method: string; path: string; headers: Record<string, string>; body?: string }
const req: Req = { method: "GET", path: "/x", headers: { host: "h" }, body: "b" };
const { method, ...rest } = req;
console.log(method, rest, Object.keys(rest));
const { headers: { host }, body = "none" } = req;
console.log(host, body);
