const xs = ["a", "b", "c"];
for (const [i, v] of xs.entries()) console.log(i, v);
console.log([...xs.keys()], [...xs.values()], Array.from(xs.entries()));
xs.forEach((v, i, arr) => console.log(i, v, arr.length));
const sum = [1, 2, 3].map((x, i) => x * i);
console.log(sum);
