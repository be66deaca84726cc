const m = new Map<number, string>();
m.set(1, "one");
m.set(0, "zero");
m.set(-0, "negzero");
m.set(Number("x"), "nan");
console.log(String(m.size), m.get(0) ?? "", m.get(Number("y")) ?? "");
const keys = Array.from(m.keys());
console.log(String(keys.length));
