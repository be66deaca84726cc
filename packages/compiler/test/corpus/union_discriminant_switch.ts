type Ev = { type: "click"; x: number; y: number } | { type: "key"; key: string; shift?: boolean } | { type: "scroll"; delta: number };
function describe(e: Ev): string {
  switch (e.type) {
    case "click": return `click@${e.x},${e.y}`;
    case "key": return `key ${e.shift ? e.key.toUpperCase() : e.key}`;
    case "scroll": return `scroll ${e.delta > 0 ? "down" : "up"}`;
  }
}
const evs: Ev[] = [{ type: "click", x: 1, y: 2 }, { type: "key", key: "a", shift: true }, { type: "scroll", delta: -3 }, { type: "key", key: "b" }];
console.log(evs.map(describe));
console.log(JSON.stringify(evs[1]!), evs.filter((e) => e.type === "key").length);
