const a = [1, 2, 3, 4, 5, 6];
console.log(a.splice(1, 2), a);
console.log(a.splice(-2), a);
console.log(a.splice(1, 0, 9, 8), a);
console.log(a.splice(0, 1, 7), a);
console.log(a.splice(10, 5), a, a.splice(1), a);
const b = ["x", "y", "z"];
b.splice(1, 1);
console.log(b, b.toSpliced(0, 1, "w"), b);
