interface R { m?: string[]; o?: { x: number }; only?: string[]; name?: string; n?: number; f?: (a: number) => number; mp?: Map<string, number> }
const rs: R[] = [{ o: { x: 1 }, only: ["a"], name: "", n: 0 }, { m: [], name: "z", n: 2, f: (a) => a + 1, mp: new Map() }, {}];
for (const r of rs) {
  if (r.o && r.o.x > 0) console.log("o yes");
  if (r.m && r.m.length === 0) console.log("m empty but truthy");
  const s = "b";
  if (r.only && !r.only.includes(s)) console.log("not included");
  if (!r.o) console.log("no o");
  if (r.name && r.name.length > 0) console.log("name", r.name);
  if (r.n || r.name) console.log("n or name", r.n, r.name);
  if (r.f && r.n === 2) console.log("f");
  if (r.mp && r.mp.size === 0) console.log("mp");
  while (r.o && r.o.x < 3) r.o.x++;
  console.log(r.o && r.o.x > 2 ? "big" : "small");
  console.log(!(r.m && r.name) ? "neg" : "pos");
  if (r.o !== undefined && r.o.x > 0) console.log("explicit");
}
interface N { next: N | null; v: number; label?: string }
const list: N = { v: 1, next: { v: 2, next: null, label: "" } };
let cur: N | null = list;
while (cur && cur.v > 0) { console.log(cur.v, cur.label || "none"); cur = cur.next; }
const m = new Map<string, number[]>();
const xs = m.get("a");
if (!xs || xs.length === 0) console.log("empty");
const fns: ((n: number) => number)[] = [];
const f = fns[0];
console.log(f && f(1) > 0 ? "f" : "no f");
