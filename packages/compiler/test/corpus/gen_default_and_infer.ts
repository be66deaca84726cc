function repeat<T>(x: T, n: number): T[] { const out: T[] = []; for (let i = 0; i < n; i++) out.push(x); return out; }
function zip<A, B>(a: A[], b: B[]): [A, B][] { const out: [A, B][] = []; for (let i = 0; i < Math.min(a.length, b.length); i++) out.push([a[i]!, b[i]!]); return out; }
function groupBy<T>(xs: T[], key: (x: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const x of xs) (out[key(x)] ??= []).push(x);
  return out;
}
console.log(repeat("ab", 3), repeat(0, 2), zip([1, 2, 3], ["a", "b"]));
console.log(groupBy([1, 2, 3, 4, 5, 6], (n) => (n % 3 === 0 ? "fizz" : "other")));
