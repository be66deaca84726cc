interface Opts { host: string; port: number; tls?: boolean; tags: string[] }
const defaults: Opts = { host: "localhost", port: 80, tags: ["a"] };
const custom = { ...defaults, port: 8443, tls: true };
console.log(custom, defaults);
const base: { port: number } = { port: 1 };
const again = { ...base, ...custom };
console.log(again.port, Object.keys(again));
custom.tags.push("shared");
console.log(defaults.tags);
