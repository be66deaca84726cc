// Integer inference must not keep a variable a Go int when it can outgrow 2^53:
// doubling by self-addition, accumulation of a variable, growth through a closure or a
// destructuring assignment. Counters and constant steps stay ints (and still exact).
let m = 1;
for (let k = 0; k < 64; k++) m += m;
console.log(m);
let n = 1;
for (let k = 0; k < 64; k++) n = n + n;
console.log(n);
let g = 0;
for (let k = 0; k < 64; k++) g = g + g + 1;
console.log(g);
let y = 1;
for (let k = 0; k < 70; k++) y -= -y;
console.log(y);
let x = 1;
for (let k = 0; k < 70; k++) x = x * 2;
console.log(x);
let grow = 1;
let sum = 0;
for (let k = 0; k < 70; k++) {
  sum += grow;
  grow = sum;
}
console.log(sum, grow);
let c = 1;
const bump = (): void => {
  c += c;
};
for (let k = 0; k < 64; k++) bump();
console.log(c);
let d = 3;
for (let k = 0; k < 64; k++) {
  const t = d + d;
  d = t;
}
console.log(d);
let q = 1;
for (let k = 0; k < 64; k++) ({ q } = { q: q + q });
console.log(q);
let a = 0;
let b = 1;
for (let k = 0; k < 90; k++) [a, b] = [b, a + b];
console.log(a, b);
// Linear growth: constant steps and counters.
const words = ["ab", "cde", "f"];
let total = 0;
let steps = 0;
for (let i = 0; i < words.length; i++) {
  total += words[i]!.length;
  steps = steps + 2;
  steps -= 1;
}
let j = words.length;
j = j - 1;
console.log(total, steps, j, words[j]);
