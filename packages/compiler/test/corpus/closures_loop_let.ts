const fns: (() => number)[] = [];
for (let i = 0; i < 3; i++) {
  fns.push(() => i * 10);
}
console.log(fns.map((f) => f()).join(","));
let shared = 1;
const get = () => shared;
shared = 2;
console.log(String(get()));
