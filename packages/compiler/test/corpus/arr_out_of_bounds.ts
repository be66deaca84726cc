const xs = [10, 20, 30];
const a = xs[5];
console.log(a, a === undefined, xs[-1], xs[1.5], xs[2]);
console.log(xs[3] ?? "default", (xs[0] ?? 0) + 1);
const grid: number[][] = [[1, 2], [3, 4]];
console.log(grid[1]?.[0], grid[5]?.[0], grid[0]?.[9]);
function get(arr: string[], i: number): string { return arr[i] ?? "?"; }
console.log(get(["x"], 0), get(["x"], 1), get([], -1));
