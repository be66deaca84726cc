let n = 0;
do { n++; } while (n < 5);
console.log(n);
let k = 10;
do { k--; if (k === 7) continue; if (k < 5) break; } while (true);
console.log(k);
const found: string[] = [];
search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
  for (const v of row) {
    if (v === 4) { found.push("skip-row"); continue search; }
    if (v === 6) { found.push("stop"); break search; }
    found.push(String(v));
  }
}
console.log(found.join(","));
for (let i = 0, j = 10; i < j; i += 3, j -= 2) console.log(i, j);
