const m = new Map<number, string>();
for (const k of [5, 1, 3]) m.set(k, `v${k}`);
m.set(1, "updated");
console.log([...m.keys()], [...m.values()]);
m.forEach((v, k) => console.log(k, v));
const s = new Set(["z", "a", "m"]);
s.delete("a");
s.add("a");
console.log([...s].join(""));
s.forEach((v) => console.log(v));
const nums = new Map<number, number>([[1, 1], [2, 4]]);
let total = 0;
for (const [k, v] of nums) {
  total += k * v;
  if (k === 1) nums.set(3, 9);
}
console.log(total, nums.size);
const keys = Array.from(nums.keys()).map((k) => k * 10);
console.log(keys);
