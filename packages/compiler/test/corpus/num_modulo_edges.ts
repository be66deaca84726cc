const pairs: [number, number][] = [[5, 3], [-5, 3], [5, -3], [-5, -3], [5.5, 2], [-5.5, 2], [0, 3], [-0, 3], [3, 0], [Infinity, 2], [2, Infinity], [-2, Infinity], [1e20, 7], [0.3, 0.1]];
for (const [a, b] of pairs) {
  console.log(`${a} % ${b} =`, a % b);
}
let x = 17;
x %= 5;
console.log(x, -17 % 5, 2 ** 53 % 10);
