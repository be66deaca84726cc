for (const n of [1, 2, 3]) {
  const label = n % 2 === 0 ? "even" : "odd";
  console.log(`${n} is ${label}`);
}
const v = 5;
console.log(String(v > 3 ? v * 2 : v / 2), v > 10 ? "big" : v > 3 ? "mid" : "small");
