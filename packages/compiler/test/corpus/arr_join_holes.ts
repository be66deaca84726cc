const a = [1, null, undefined, 2];
console.log(a.join("-"), a.length, String(a), `${a}`);
const nested = [[1, 2], [3], []];
console.log(nested.join("|"), nested.toString());
const objs = [{ x: 1 }];
console.log(objs.join(), [1.5, -0, NaN].join());
