const a = [1, 2, 3];
const b = a;
b.push(4);
console.log(a, a === b);
function mutate(arr: number[]): void { arr[0] = 100; }
mutate(a);
console.log(b);
const matrix = [a, a];
matrix[0]!.pop();
console.log(matrix, matrix[0] === matrix[1]);
const c = [...a];
c[0] = -1;
console.log(a[0], c[0]);
