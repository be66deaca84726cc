function fmt(v: string | number | boolean | null | undefined | string[]): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v.toFixed(2);
  if (Array.isArray(v)) return v.join("|");
  return JSON.stringify(v);
}
console.log([fmt(null), fmt(undefined), fmt(true), fmt(1.005), fmt(["a", "b"]), fmt("q")].join(" "));
function total(xs: (number | { n: number })[]): number {
  let t = 0;
  for (const x of xs) t += typeof x === "number" ? x : x.n;
  return t;
}
console.log(total([1, { n: 2 }, 3]));
class Cat {
  meow() {
    return "meow";
  }
}
class Cow {
  moo() {
    return "moo";
  }
}
function sound(a: Cat | Cow): string {
  return a instanceof Cat ? a.meow() : a.moo();
}
console.log(sound(new Cat()), sound(new Cow()));
function truthy(x: string | undefined): string {
  if (!x) return "empty";
  return x;
}
console.log(truthy(""), truthy(undefined), truthy("v"));
