const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
const union = new Set([...a, ...b]);
const inter = new Set([...a].filter((x) => b.has(x)));
const diff = new Set([...a].filter((x) => !b.has(x)));
console.log([...union], [...inter], [...diff], union.size);
const words = new Set("the cat the hat".split(" "));
console.log([...words].join(","), words.has("cat"), words.delete("cat"), words.delete("cat"), [...words]);
