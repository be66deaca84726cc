const m = new Map<string | number, string>();
m.set(1, "one").set("1", "string one").set(NaN, "nan").set(-0, "zero");
console.log(m.size, m.get(1), m.get("1"), m.get(NaN), m.get(0), m.has(+0));
console.log(m);
m.delete(1);
m.set(1, "again");
console.log([...m.keys()], [...m.values()]);
const entries = [...m.entries()];
console.log(entries, entries.length);
const s = new Set<number>();
[3, 1, 3, NaN, NaN, 0, -0].forEach((x) => s.add(x));
console.log(s, s.size, [...s]);
const visited: string[] = [];
const live = new Map([["a", 1], ["b", 2], ["c", 3]]);
for (const [k] of live) {
  visited.push(k);
  if (k === "a") {
    live.delete("b");
    live.set("d", 4);
  }
}
console.log(visited.join(","));
const copy = new Map(live);
copy.set("z", 0);
console.log(live.size, copy.size, Object.fromEntries(copy));
const grouped = new Map<boolean, number[]>();
for (const n of [1, 2, 3, 4]) grouped.set(n % 2 === 0, [...(grouped.get(n % 2 === 0) ?? []), n]);
console.log(grouped);
