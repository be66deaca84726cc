const table = { get: () => LIMIT * 2 };
function total(xs: number[]): number {
  return xs.reduce((a, b) => a + b, OFFSET) + LIMIT;
}
const OFFSET = 100;
const LIMIT = 5;
console.log(table.get(), total([1, 2, 3]));
