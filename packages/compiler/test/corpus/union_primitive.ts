type Id = string | number;
function show(id: Id): string {
  if (typeof id === "number") return `#${id.toFixed(1)}`;
  return `@${id.toUpperCase()}`;
}
const ids: Id[] = [1, "abc", 2.5, "z"];
console.log(ids.map(show).join(" "));
console.log(ids, JSON.stringify(ids));
let v: string | number | boolean = true;
console.log(typeof v, v);
v = 3;
console.log(typeof v, v, v === 3);
v = "s";
console.log(typeof v, v);
function len(x: string | string[]): number {
  return Array.isArray(x) ? x.length * 100 : x.length;
}
console.log(len("abc"), len(["a", "b"]));
function double(x: number | string): number | string {
  return typeof x === "number" ? x * 2 : x + x;
}
console.log(double(4), double("ab"));
const mixed: (number | string | null)[] = [1, null, "x"];
console.log(mixed.filter((m) => m !== null).length, mixed);
