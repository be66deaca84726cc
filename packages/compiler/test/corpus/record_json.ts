interface Config {
  routes: Record<string, { upstream: string; weight?: number }>;
  flags: Record<string, boolean>;
}
const cfg = JSON.parse('{"routes":{"/b":{"upstream":"b"},"/a":{"upstream":"a","weight":2}},"flags":{"x":true,"1":false}}') as Config;
for (const [path, route] of Object.entries(cfg.routes)) console.log(path, route.upstream, route.weight ?? 1);
console.log(Object.keys(cfg.flags), cfg.flags["x"], cfg.flags["nope"]);
console.log(JSON.stringify(cfg));
console.log(cfg);
