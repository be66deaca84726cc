const m = new Map<string, string>([["z", "1"], ["a", "2"]]);
m.set("m", "3");
m.delete("z");
m.set("z", "4");
console.log(Array.from(m.keys()).join(","));
const counts = new Map<string, number>();
for (const w of "the cat the hat the end".split(" ")) {
  counts.set(w, (counts.get(w) ?? 0) + 1);
}
for (const [w, c] of counts) console.log(`${w} ${c}`);
