const a = [1, 2];
const b = [3, 4];
console.log(a.concat(b), a.concat(b, [5]), a.concat(), a);
const nested = [[[1], [2, 3]], [[4]], [], [[5, 6], []]];
console.log(nested.flat(), nested.flat(2), nested.flat(Infinity));
console.log([1, 2, 3].flatMap((x) => [x, x * 10]), ["a b", "c"].flatMap((s) => s.split(" ")));
