interface Conn { id: number }
const a: Conn = { id: 1 };
const b: Conn = { id: 1 };
const m = new Map<Conn, string>();
m.set(a, "first");
m.set(b, "second");
console.log(m.size, m.get(a), m.get(b), m.get({ id: 1 }));
const s = new Set<number[]>();
const arr = [1];
s.add(arr); s.add(arr); s.add([1]);
console.log(s.size, s.has(arr));
