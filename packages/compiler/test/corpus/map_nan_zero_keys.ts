const m = new Map<number, string>();
m.set(NaN, "nan");
m.set(0, "zero");
m.set(-0, "negzero");
console.log(m.get(NaN), m.get(0), m.get(-0), m.size, [...m.keys()]);
const s = new Set<number>([0, -0, NaN, NaN]);
console.log(s.size, s.has(-0), s.has(NaN));
