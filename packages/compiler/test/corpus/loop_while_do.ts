let i = 0;
while (i < 3) {
  console.log(`while ${i}`);
  i++;
}
let j = 0;
do {
  j++;
  if (j === 2) continue;
  console.log(`do ${j}`);
} while (j < 4);
let k = 0;
do { k++; } while (false);
console.log(String(k));
