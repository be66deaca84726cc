const groups = new Map<string, string[]>();
const items = ["apple", "avocado", "banana", "blueberry", "cherry"];
for (const it of items) {
  const k = it[0] ?? "";
  const list = groups.get(k);
  if (list) list.push(it);
  else groups.set(k, [it]);
}
for (const [k, list] of groups) console.log(k, list.length, list.join("/"));
const sizes = new Map([...groups].map(([k, v]) => [k, v.length]));
console.log(sizes);
