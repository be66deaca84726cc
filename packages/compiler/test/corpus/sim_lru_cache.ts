class LRU<K, V> {
  private map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K): V | undefined {
    const v = this.map.get(k);
    if (v === undefined) return undefined;
    this.map.delete(k);
    this.map.set(k, v);
    return v;
  }
  put(k: K, v: V): void {
    if (this.map.has(k)) this.map.delete(k);
    this.map.set(k, v);
    while (this.map.size > this.max) {
      for (const first of this.map.keys()) {
        this.map.delete(first);
        break;
      }
    }
  }
  keys(): K[] {
    return [...this.map.keys()];
  }
}
const c = new LRU<string, number>(3);
c.put("a", 1);
c.put("b", 2);
c.put("c", 3);
console.log(c.get("a"), c.keys().join(""));
c.put("d", 4);
console.log(c.keys().join(""), c.get("b"));
c.put("c", 30);
console.log(c.keys().join(""), c.get("c"));
