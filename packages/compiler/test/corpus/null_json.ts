interface Item {
  id: number;
  label: string | null;
  tags: string[] | null;
}
const items = JSON.parse('[{"id":1,"label":null,"tags":["a"]},{"id":2,"label":"two","tags":null}]') as Item[];
for (const it of items) {
  console.log(it.id, it.label ?? "(none)", it.tags?.length ?? 0, it.label === null, it.tags === null);
}
console.log(JSON.stringify(items));
console.log(items);
const maybe: { v: number | null }[] = [{ v: null }, { v: 3 }];
console.log(JSON.stringify(maybe), maybe.map((m) => (m.v === null ? "null" : String(m.v))).join(","));
