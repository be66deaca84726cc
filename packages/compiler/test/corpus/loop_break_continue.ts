const words = ["a", "bb", "ccc", "dddd", "eeeee"];
for (const w of words) {
  if (w.length === 2) continue;
  if (w.length === 4) break;
  console.log(w);
}
outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log(`${i},${j}`);
  }
}
