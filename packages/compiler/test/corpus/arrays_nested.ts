const grid: number[][] = [[1, 2], [3, 4]];
grid.push([5]);
let total = 0;
for (const row of grid) {
  for (const v of row) total += v;
}
console.log(String(total), String(grid[1]![0]), String(grid.length));
const copy = grid;
copy[0]![0] = 99;
console.log(String(grid[0]![0]));
