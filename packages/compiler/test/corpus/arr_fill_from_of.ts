const zeros = new Array<number>(5).fill(0);
console.log(zeros, [1, 2, 3, 4].fill(9, 1, 3), [1, 2, 3].fill(7, -1));
console.log(Array.from("abc"), Array.from(new Set([3, 1, 3])), Array.from([1, 2], (x) => x * 2), Array.of(7, 8));
console.log(Array.from({ length: 4 }, (_, i) => i * i));
const m = new Map([["k", 1]]);
console.log(Array.from(m.keys()), Array.from(m.entries()), [...m.values()]);
