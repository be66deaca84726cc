// Comparators that are not consistent: the order depends on the sort algorithm, so this
// pins Array.prototype.sort to V8's (binary insertion below 64 elements, TimSort above).
console.log([5, 1, 10, 2, NaN, 3].sort((a, b) => a - b));
console.log([NaN, 4, 1, NaN, 3, 2, NaN, 0].sort((a, b) => a - b));

let seed = 12345;
function next(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
}
function coinFlip(): number {
  return (next() % 3) - 1;
}

for (const size of [10, 63, 64, 65, 200, 1000]) {
  const values: number[] = [];
  for (let i = 0; i < size; i++) values.push(next() % 50);
  const flipped = [...values].sort((_a, _b) => coinFlip());
  const withNaN = [...values].map((v) => (v % 7 === 0 ? NaN : v)).sort((a, b) => a - b);
  const alwaysLess = [...values].sort((_a, _b) => -1);
  const alwaysGreater = [...values].sort((_a, _b) => 1);
  console.log(size, flipped.join(","));
  console.log(size, withNaN.join(","));
  console.log(size, alwaysLess.join(","));
  console.log(size, alwaysGreater.join(","));
}

// Long ascending and descending stretches make TimSort gallop while merging.
const runs: number[] = [];
for (let i = 0; i < 300; i++) runs.push(i);
for (let i = 300; i > 0; i--) runs.push(i * 2);
for (let i = 0; i < 300; i++) runs.push((i * 37) % 101);
let calls = 0;
const sortedRuns = [...runs].sort((a, b) => {
  calls++;
  return calls % 97 === 0 ? 1 : a - b;
});
console.log(calls, sortedRuns.join(","));
const stable = runs.map((v, i) => ({ v: v % 10, i })).sort((x, y) => x.v - y.v);
console.log(stable.map((e) => e.i).join(","));

// undefined elements go last without ever reaching the comparator.
const holey: (number | undefined)[] = [3, undefined, 1, undefined, 2];
let sawUndefined = 0;
holey.sort((a, b) => {
  if (a === undefined || b === undefined) sawUndefined++;
  return (a ?? 100) - (b ?? 100);
});
console.log(holey, sawUndefined);
