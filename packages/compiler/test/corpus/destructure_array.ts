const nums = [1, 2, 3, 4, 5];
const [first, second, ...others] = nums;
console.log(first, second, others);
const [, , third = 0, , fifth, sixth = 99] = nums;
console.log(third, fifth, sixth);
const [x = 10] = [] as number[];
console.log(x);
const nested: [number, [string, boolean]] = [1, ["a", true]];
const [n, [s, bool]] = nested;
console.log(n, s, bool);
function sum(...values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
console.log(sum(), sum(1), sum(1, 2, 3), sum(...nums));
function headTail<T>([head, ...tail]: T[]): string {
  return `${String(head)} / ${tail.length}`;
}
console.log(headTail(["a", "b", "c"]), headTail<number>([]));
const m = "k=v=w".split("=");
const [key, ...values] = m;
console.log(key, values.join("="));
