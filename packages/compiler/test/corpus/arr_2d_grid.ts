const rows = 4, cols = 5;
const grid: number[][] = [];
for (let r = 0; r < rows; r++) {
  const row: number[] = [];
  for (let c = 0; c < cols; c++) row.push(r * c);
  grid.push(row);
}
console.log(grid.map((r) => r.join(" ")).join("\n"));
const transposed = grid[0]!.map((_, c) => grid.map((r) => r[c]!));
console.log(transposed.length, transposed[4]);
let total = 0;
for (const row of grid) for (const v of row) total += v;
console.log(total);
