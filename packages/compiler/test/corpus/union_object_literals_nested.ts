const mixed = [{ a: 1 }, { a: "x", b: true }];
for (const x of mixed) {
  console.log(x.a, x.b);
  if (typeof x.a === "number") console.log(x.a + 1);
  else console.log(x.a.toUpperCase());
}
console.log(JSON.stringify(mixed));
const xs = [{ p: { x: 1 } }, { p: { y: 2 } }, { p: { x: 3, y: 4 } }];
for (const e of xs) console.log(e.p.x, e.p.y, e, Object.keys(e.p));
const cfg = Math.random() > 2 ? { db: { host: "h", port: 1 }, tls: true } : { db: { host: "x" } };
console.log(cfg.db.host, cfg.db.port, cfg.tls, cfg);
