const arr = [2.5, 3.5, 4];
let total = 0;
for (let i = 0; i < arr.length; i++) {
  total += arr[i]! * i;
}
console.log(String(total));
const half = arr.length / 2;
console.log(String(half), String(arr.length % 2), String(arr.length - 5));
let idx = arr.length;
while (idx > 0) {
  idx--;
  console.log(String(arr[idx]));
}
