interface Inner {
  value: string;
}
interface Outer {
  inner?: Inner;
}
const a: Outer = {};
const b: Outer = { inner: { value: "hi" } };
console.log(a.inner?.value ?? "none", b.inner?.value ?? "none");
const len = b.inner?.value.length;
console.log(String(len));
const m = new Map<string, Inner>();
m.set("k", { value: "v" });
console.log(m.get("k")?.value ?? "?", m.get("x")?.value ?? "?");
