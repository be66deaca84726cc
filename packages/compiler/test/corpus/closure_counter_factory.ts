function makeCounter(start: number, step = 1): { next: () => number; reset: () => void } {
  let n = start;
  return { next: () => (n += step), reset: () => { n = start; } };
}
const c1 = makeCounter(0), c2 = makeCounter(100, 10);
console.log(c1.next(), c1.next(), c2.next(), c1.next(), c2.next());
c1.reset();
console.log(c1.next());
function memo(f: (n: number) => number): (n: number) => number {
  const cache = new Map<number, number>();
  return (n) => { const hit = cache.get(n); if (hit !== undefined) return hit; const v = f(n); cache.set(n, v); return v; };
}
let calls = 0;
const sq = memo((x) => { calls++; return x * x; });
console.log(sq(4), sq(4), sq(5), calls);
