interface Item { id: number; label: string; extra?: string }
const item: Item = { label: "L", id: 7 };
console.log(JSON.stringify(item), Object.keys(item));
const parsed = JSON.parse('{"b":1,"a":2,"1":3}') as Record<string, number>;
console.log(Object.keys(parsed), JSON.stringify(parsed));
