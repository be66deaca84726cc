// A parsed object lists its members in JavaScript's order: array-index keys ascending first,
// then the others as the document has them, declared or not.
interface Point {
  x: number;
  y: number;
}
const p = JSON.parse('{"y":1,"z":2,"10":3,"x":4,"2":5}') as Point;
console.log(JSON.stringify(p));
console.log(Object.keys(p).join(","));
const r = JSON.parse('{"b":1,"7":2,"a":3,"1":4}') as Record<string, number>;
console.log(JSON.stringify(r), Object.entries(r).map(([k, v]) => `${k}=${v}`).join(" "));
