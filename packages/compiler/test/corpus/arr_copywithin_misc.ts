console.log([1, 2, 3, 4, 5].copyWithin(0, 3), [1, 2, 3, 4, 5].copyWithin(1, 0, 2), [1, 2, 3].copyWithin(-1, 0));
console.log(Array.isArray([1]), Array.isArray("x"), [3, 2, 1].toString());
const a = [5, 1, 4];
a.sort();
console.log(a, [..."hello"].sort().join(""));
