let a: string | null = null;
console.log(a, a === null, a == null, a === undefined, typeof a);
a = "x";
console.log(a, a === null, a?.length);
function find(xs: number[], v: number): number | null {
  const i = xs.indexOf(v);
  return i >= 0 ? i : null;
}
console.log(find([1, 2, 3], 2), find([1], 5));
const r = find([4], 9) ?? -1;
console.log(r);
interface User {
  name: string;
  manager: User | null;
  nick?: string;
}
const boss: User = { name: "boss", manager: null };
const emp: User = { name: "emp", manager: boss, nick: "e" };
console.log(emp.manager?.name, boss.manager?.name, boss.nick, emp.nick);
console.log(JSON.stringify(boss), JSON.stringify(emp));
console.log(boss);
let u: number | null | undefined;
console.log(u, u == null);
u = null;
console.log(u, u == null, u === null, u === undefined);
u = 0;
console.log(u, u == null, u ?? 5, u || 5);
