// null in a member typed `T | null` survives spread, Object.assign and rest destructuring
// (it must not turn into undefined, which JSON.stringify and === tell apart).
interface O {
  a: string;
  n?: string | null;
}
const o: O = { a: "x", n: null };
const c = { ...o };
console.log(c.n === null, c.n === undefined, JSON.stringify(c), Object.keys(c));

interface P {
  a: string;
  s: string | null;
  k?: number | null;
  tags: string[] | null;
}
const p: P = { a: "y", s: null, k: null, tags: null };
const t: P = { a: "z", s: "q", k: 3, tags: ["t"] };
Object.assign(t, p);
console.log(t.s === null, t.k === null, t.tags === null, JSON.stringify(t));

const { a, ...rest } = p;
console.log(a, rest.s === null, rest.k === null, JSON.stringify(rest), Object.keys(rest));

const merged: P = { ...t, s: "back", ...{ k: null } };
console.log(JSON.stringify(merged), merged.k === null);

class Box {
  v: number | null = null;
  w?: string | null = null;
  label = "box";
}
const b = { ...new Box() };
console.log(b.v === null, b.w === null, JSON.stringify(b));

const r: Record<string, string | null> = { x: null, y: "why" };
const r2 = { ...r };
const r3: Record<string, string | null> = {};
Object.assign(r3, r);
console.log(r2.x === null, r3.x === null, JSON.stringify(r2), JSON.stringify(r3));
