let sum = 0;
for (let i = 0; i < 10; i++) {
  sum += i;
}
console.log(`sum=${sum}`);
for (let i = 10; i > 0; i -= 3) {
  console.log(String(i));
}
const n = 5;
let fact = 1;
for (let i = 1; i <= n; i++) fact *= i;
console.log(String(fact), String(fact / 7));
