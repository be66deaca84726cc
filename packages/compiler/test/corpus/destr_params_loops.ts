interface Pt { x: number; y: number; label?: string }
function dist({ x, y }: Pt, { x: x2, y: y2 }: Pt = { x: 0, y: 0 }): number { return Math.hypot(x - x2, y - y2); }
console.log(dist({ x: 3, y: 4 }), dist({ x: 1, y: 1 }, { x: 4, y: 5 }));
const pts: Pt[] = [{ x: 1, y: 2, label: "a" }, { x: 3, y: 4 }];
for (const { x, y, label = "?" } of pts) console.log(label, x + y);
const m = new Map([["k1", { n: 1 }], ["k2", { n: 2 }]]);
for (const [k, { n }] of m) console.log(k, n);
const pairs: [string, number][] = [["a", 1], ["b", 2]];
console.log(pairs.map(([s, n]) => s.repeat(n)).join(""));
