interface Item {
  id: number;
  label: string;
  tags: string[];
  note?: string;
}
const items: Item[] = [
  { id: 1, label: "one", tags: ["a"] },
  { id: 2, label: "two", tags: [], note: "n" },
];
console.log(JSON.stringify(items));
console.log(JSON.stringify({ count: items.length, first: items[0] }));
console.log(JSON.stringify(items[1]!, null, 2));
console.log(JSON.stringify([[1, 2], []], null, 1));
