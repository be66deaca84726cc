const prefix = "x-";
const name = "id";
const obj: Record<string, number> = { [prefix + name]: 1, [`${prefix}count`]: 2, plain: 3 };
console.log(obj, Object.keys(obj));
const k = "dyn";
const counts: Record<string, number> = {};
for (const w of ["a", "b", "a"]) counts[w] = (counts[w] ?? 0) + 1;
counts[k] = 0;
console.log(counts);
