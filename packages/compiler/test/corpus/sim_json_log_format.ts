interface LogEntry { ts: number; level: "debug" | "info" | "warn" | "error"; msg: string; fields?: Record<string, string | number | boolean> }
const entries: LogEntry[] = [
  { ts: 1700000000123, level: "info", msg: "started", fields: { port: 8080, tls: false } },
  { ts: 1700000000456, level: "warn", msg: "slow \"request\"", fields: { ms: 1234.5, path: "/a?b=1" } },
  { ts: 1700000000789, level: "error", msg: "failed\nbadly" },
];
const order = ["debug", "info", "warn", "error"];
for (const e of entries.filter((x) => order.indexOf(x.level) >= 1)) {
  const line = { time: e.ts, lvl: e.level.toUpperCase(), msg: e.msg, ...(e.fields ?? {}) };
  console.log(JSON.stringify(line));
}
console.log(entries.map((e) => `${e.level.padEnd(5)} ${e.msg.replace(/\n/g, "\\n")}`).join("\n"));
