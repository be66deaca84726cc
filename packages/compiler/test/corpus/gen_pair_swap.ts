function swap<A, B>(p: [A, B]): [B, A] { return [p[1], p[0]]; }
function first<T>(xs: T[]): T | undefined { return xs[0]; }
function mapValues<K, V, W>(m: Map<K, V>, f: (v: V) => W): Map<K, W> { const out = new Map<K, W>(); for (const [k, v] of m) out.set(k, f(v)); return out; }
console.log(swap([1, "a"]), swap(["x", true]), first([3, 4]), first<string>([]));
console.log(mapValues(new Map([["a", 1], ["b", 2]]), (v) => v * 10), mapValues(new Map([[1, "x"]]), (s) => s.length));
