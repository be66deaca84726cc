class P { constructor(public x: number) {} }
const a = new P(1), b = new P(1), c = a;
console.log(a === b, a === c, a !== b, [a, b].indexOf(c), [a, b].includes(b), new Set([a, b, c]).size);
c.x = 5;
console.log(a.x, b.x);
const m = new Map<P, number>([[a, 1]]);
console.log(m.get(c), m.has(b));
