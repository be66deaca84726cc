const m = new Map<string, number>([["a", 1], ["b", 2], ["c", 3]]);
m.delete("a");
m.set("a", 10);
m.set("b", 20);
console.log([...m.keys()], [...m.values()], m.size);
for (const [k, v] of m) { if (k === "b") m.delete("c"); console.log(k, v); }
console.log(m.has("c"), m.get("zzz"), m.delete("zzz"));
m.clear();
console.log(m.size, [...m]);
