interface Base {
  id: number;
  kind: string;
  extra?: string;
}
const a: Base = { id: 1, kind: "a" };
const b: Base = { ...a, extra: "e" };
const c: Base = { extra: "first", ...b, kind: "c" };
const d: Base = { ...c, id: 4, ...{ kind: "d" } };
for (const o of [a, b, c, d]) console.log(JSON.stringify(o), Object.keys(o).join(","));
const withUndef: Base = { ...a, extra: undefined };
console.log(withUndef, JSON.stringify(withUndef), Object.keys(withUndef));
const arrCopy = { list: [1, 2] };
const shallow = { ...arrCopy };
shallow.list.push(3);
console.log(arrCopy.list, shallow.list === arrCopy.list);
const rec: Record<string, number> = { b: 1, a: 2 };
const rec2: Record<string, number> = { ...rec, c: 3, b: 10 };
console.log(rec2, Object.keys(rec2));
