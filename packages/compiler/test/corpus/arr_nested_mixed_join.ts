// Nested array literals whose elements differ in shape: each inner literal is built with
// the element type of the enclosing literal.
const nested = [[1, [2, 3]], [4]];
console.log(nested.join(";"));
console.log(nested.length, nested[1]!.length, String(nested[0]));
const grid = [[1, 2], [3], []];
console.log(grid.map((r) => r.length).join(","), grid.join("|"));
const mixed = [["a", 1], [true]];
console.log(mixed.join("/"));
