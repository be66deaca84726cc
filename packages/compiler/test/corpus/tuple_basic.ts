const point: [number, number] = [3, 4];
const [x, y] = point;
console.log(x, y, point.length, point);
const entry: [string, number] = ["age", 30];
console.log(entry[0], entry[1], JSON.stringify(entry));
function minMax(xs: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of xs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
const [lo, hi] = minMax([5, 1, 9, 3]);
console.log(lo, hi);
const pairs: [string, boolean][] = [["a", true], ["b", false]];
for (const [name, on] of pairs) console.log(name, on);
console.log(pairs.map(([n, o]) => `${n}:${o}`).join(","));
let swapA = 1;
let swapB = 2;
[swapA, swapB] = [swapB, swapA];
console.log(swapA, swapB);
const t: [string, number] = ["z", 1];
t[1] = t[1] + 10;
console.log(t);
