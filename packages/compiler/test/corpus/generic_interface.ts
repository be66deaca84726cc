interface Box<T> {
  value: T;
  label: string;
}
function box<T>(value: T, label: string): Box<T> {
  return { value, label };
}
const a = box(42, "answer");
const b = box("hi", "greeting");
const c: Box<number[]> = { value: [1, 2], label: "list" };
console.log(a.value + 1, b.value.toUpperCase(), c.value.length);
console.log(JSON.stringify([a, b]), JSON.stringify(c));
console.log(a, b, c);
interface Cache<K, V> {
  entries: Map<K, V>;
  hits: number;
}
const cache: Cache<string, number> = { entries: new Map(), hits: 0 };
cache.entries.set("x", 1);
if (cache.entries.has("x")) cache.hits++;
console.log(cache.hits, cache.entries.get("x"));
