interface Opts { a: number; b: number; tags: string[]; name?: string }
const d: Opts = { a: 1, b: 2, tags: ["t"] };
const p: Partial<Opts> = { name: undefined };
const r = { ...d, ...p, a: 0, b: 0, tags: [] };
console.log(JSON.stringify(r), "name" in r, Object.keys(r), r.name, r);
const q: Partial<Opts> = { b: 7 };
const merged: Opts = { ...d, ...q, a: q.a ?? d.a, b: q.b ?? d.b, tags: q.tags ?? d.tags };
console.log(merged);
const t: Partial<Opts> = { tags: undefined };
const r2 = { ...d, ...t, a: 0, b: 0 };
console.log(JSON.stringify(r2), "tags" in r2, Object.keys(r2), r2.tags, r2);
const partials: Partial<Opts> = { ...p, ...q };
console.log(partials, Object.keys(partials));
