const fns: (() => number)[] = [];
for (let i = 0; i < 3; i++) fns.push(() => i * 10);
console.log(fns.map((f) => f()).join(","));
const later: (() => string)[] = [];
for (const w of ["a", "b"]) later.push(() => w.toUpperCase());
console.log(later.map((f) => f()).join(""));
function makeCounter(start = 0) {
  let n = start;
  return { inc: () => ++n, dec: () => --n, get: () => n };
}
const c1 = makeCounter();
const c2 = makeCounter(100);
c1.inc();
c1.inc();
c2.dec();
console.log(c1.get(), c2.get());
function compose<A, B, C>(f: (b: B) => C, g: (a: A) => B): (a: A) => C {
  return (a) => f(g(a));
}
const lenThenDouble = compose((n: number) => n * 2, (s: string) => s.length);
console.log(lenThenDouble("hello"));
let shared = 1;
const read = () => shared;
shared = 2;
console.log(read());
const memo = new Map<number, number>();
function fib(n: number): number {
  if (n < 2) return n;
  const hit = memo.get(n);
  if (hit !== undefined) return hit;
  const v = fib(n - 1) + fib(n - 2);
  memo.set(n, v);
  return v;
}
console.log(fib(50), memo.size);
