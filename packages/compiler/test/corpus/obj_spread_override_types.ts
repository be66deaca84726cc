const base = { a: 1, b: "x" };
const o = { ...base, b: 2 };
console.log(o, JSON.stringify(o), Object.keys(o));
const reordered = { b: "y", a: 1 };
const o2 = { ...reordered, b: true };
console.log(o2, Object.keys(o2));
interface P { id: number; name: string | undefined; tags?: string[] }
const p: P = { id: 1, name: "n" };
const q = { ...p, name: "m", tags: 3 };
console.log(q, Object.keys(q), "tags" in q);
const later = { b: 5 };
const o3 = { ...base, ...later };
console.log(o3, o3.b + 1);
const o4 = { ...base, c: 1, ...{ a: "s" } };
console.log(o4, Object.keys(o4));
