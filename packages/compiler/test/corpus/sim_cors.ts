interface CorsConfig { origins: string[]; methods: string[]; maxAge: number; credentials: boolean }
const cfg: CorsConfig = { origins: ["https://a.com", "*.b.org"], methods: ["GET", "POST"], maxAge: 600, credentials: true };
function allowed(origin: string): boolean {
  return cfg.origins.some((o) => (o.startsWith("*.") ? origin.endsWith(o.slice(1)) && /^https:\/\/[^/]+$/.test(origin) : o === origin));
}
function preflight(origin: string, method: string): Record<string, string> | number {
  if (!allowed(origin)) return 403;
  if (!cfg.methods.includes(method.toUpperCase())) return 405;
  const h: Record<string, string> = { "access-control-allow-origin": origin, "access-control-allow-methods": cfg.methods.join(", "), "access-control-max-age": String(cfg.maxAge) };
  if (cfg.credentials) h["access-control-allow-credentials"] = "true";
  return h;
}
for (const [o, m] of [["https://a.com", "get"], ["https://x.b.org", "POST"], ["http://x.b.org", "GET"], ["https://a.com", "DELETE"]] as [string, string][]) {
  const r = preflight(o, m);
  console.log(o, m, typeof r === "number" ? r : JSON.stringify(r));
}
