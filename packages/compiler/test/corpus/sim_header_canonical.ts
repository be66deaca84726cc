function canonical(name: string): string { return name.toLowerCase().split("-").map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p)).join("-"); }
const names = ["content-type", "X-FORWARDED-FOR", "x-request-id", "www-authenticate", "-weird-", "te"];
console.log(names.map(canonical));
const hop = new Set(["connection", "keep-alive", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade"]);
const incoming: [string, string][] = [["Connection", "close, X-Custom"], ["X-Custom", "1"], ["Host", "h"], ["TE", "trailers"], ["Accept", "*/*"]];
const extra = new Set((incoming.find(([k]) => k.toLowerCase() === "connection")?.[1] ?? "").split(",").map((s) => s.trim().toLowerCase()).filter((s) => s));
const kept = incoming.filter(([k]) => !hop.has(k.toLowerCase()) && !extra.has(k.toLowerCase()));
console.log(kept, [...extra]);
