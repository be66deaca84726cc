const target: Record<string, number> = { a: 1 };
const result = Object.assign(target, { b: 2 }, { a: 3, c: 4 });
console.log(target, result === target);
interface Point { x: number; y: number }
const p: Point = { x: 1, y: 2 };
const q = Object.assign({}, p);
q.x = 99;
console.log(p, q);
