const xs = [1, 2, 3, 4, 5];
xs.length = 2;
console.log(xs, xs.length);
xs.length = 0;
console.log(xs, xs.length);
const ys = ["a", "b"];
ys.push("c");
ys.length = 1;
console.log(ys);
