interface P {
  x: number;
  y: number;
  label?: string;
  color?: string;
}
const a: P = { y: 2, x: 1 };
console.log(JSON.stringify(a), Object.keys(a));
a.color = "red";
a.label = "pt";
console.log(JSON.stringify(a), a);
delete a.color;
console.log(JSON.stringify(a));
a.color = "blue";
console.log(JSON.stringify(a));
const b: P = { x: 1, y: 2, label: undefined };
console.log(b, Object.keys(b), JSON.stringify(b), "label" in b, "color" in b);
const c: P = { ...b, color: "green", x: 5 };
console.log(c, Object.keys(c));
for (const k in c) console.log(k);
const d = Object.assign({ x: 0, y: 0 } as P, { label: "l" }, { y: 9 });
console.log(JSON.stringify(d));
