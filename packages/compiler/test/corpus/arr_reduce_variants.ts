const xs = [1, 2, 3, 4];
console.log(xs.reduce((a, b) => a + b), xs.reduce((a, b) => a + b, 10), xs.reduceRight((a, b) => a + "-" + b, ""));
console.log(xs.reduce((acc, x) => { acc.push(x * 2); return acc; }, [] as number[]));
const words = ["apple", "bob", "apple", "cat", "bob", "apple"];
const counts = words.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
console.log([...counts]);
try { ([] as number[]).reduce((a, b) => a + b); } catch (e) { console.log((e as Error).name, (e as Error).message); }
