class Pair<K, V> {
  constructor(public readonly key: K, public value: V) {}
  with(v: V): Pair<K, V> { return new Pair(this.key, v); }
  toString(): string { return `${String(this.key)}=${String(this.value)}`; }
}
const p = new Pair("a", 1);
const q = p.with(2);
p.value = 5;
console.log(p.toString(), q.toString(), `${q}`, String(p), JSON.stringify(q));
