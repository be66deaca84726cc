outer: for (let i = 0; i < 4; i++) {
  inner: for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    if (i === j) continue inner;
    console.log(i, j);
  }
}
let k = 0;
loop: while (true) {
  k++;
  switch (k) {
    case 1:
    case 2:
      console.log("small", k);
      continue loop;
    case 5:
      break loop;
    default:
      console.log("other", k);
  }
}
let count = 0;
do {
  count++;
  if (count === 2) continue;
  console.log("do", count);
} while (count < 4);
for (let i = 0, j = 10; i < j; i += 3, j -= 3) console.log("pair", i, j);
