const m = new Map<string, number>([["a", 1], ["b", 2], ["c", 3]]);
for (const [k, v] of m) {
  if (k === "a") {
    m.delete("b");
    m.set("d", 4);
  }
  console.log(k + v);
}
