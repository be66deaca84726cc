const a = [1, 2];
const b = a;
b.push(3);
console.log(String(a.length), a.join(","));
function add(arr: number[], v: number): void {
  arr.push(v);
}
add(a, 4);
console.log(b.join(","));
