function compose(f: (x: number) => number, g: (x: number) => number): (x: number) => number {
  return (x) => f(g(x));
}
const inc = (x: number) => x + 1;
const dbl = (x: number) => x * 2;
console.log(String(compose(inc, dbl)(5)), String(compose(dbl, inc)(5)));
function apply(xs: number[], f: (x: number) => number): number[] {
  return xs.map(f);
}
console.log(apply([1, 2], inc).join(","));
