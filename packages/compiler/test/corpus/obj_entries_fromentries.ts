const prices: Record<string, number> = { apple: 1.5, banana: 0.25, cherry: 3 };
const doubled = Object.fromEntries(Object.entries(prices).map(([k, v]) => [k, v * 2]));
console.log(doubled);
const inverted = Object.fromEntries(Object.entries({ a: "x", b: "y" }).map(([k, v]) => [v, k]));
console.log(inverted, Object.values(prices).reduce((a, b) => a + b, 0));
const fromMap = Object.fromEntries(new Map([["m", 1], ["n", 2]]));
console.log(fromMap);
