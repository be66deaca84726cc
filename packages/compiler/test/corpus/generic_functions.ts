function identity<T>(x: T): T {
  return x;
}
function first<T>(xs: T[]): T | undefined {
  return xs[0];
}
function last<T>(xs: readonly T[], fallback: T): T {
  return xs.length > 0 ? xs[xs.length - 1]! : fallback;
}
function map<A, B>(xs: A[], f: (a: A) => B): B[] {
  const out: B[] = [];
  for (const x of xs) out.push(f(x));
  return out;
}
function pair<A, B>(a: A, b: B): [A, B] {
  return [a, b];
}
console.log(identity(5), identity("s"), identity(true));
console.log(first([3, 4]), first<string>([]), first(["z"]));
console.log(last([1, 2, 3], 0), last([], "none"));
console.log(map([1, 2, 3], (n) => n * 2).join(","), map(["a", "bb"], (s) => s.length).join(","));
const p = pair("k", 7);
console.log(p[0], p[1], p);
function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
const g = groupBy(["apple", "avocado", "banana", "blueberry", "cherry"], (s) => s[0]!);
for (const [k, v] of g) console.log(k, v.join(","));
