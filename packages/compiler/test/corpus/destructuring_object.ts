interface P {
  x: number;
  y: number;
  label: string;
}
const p: P = { x: 1, y: 2, label: "pt" };
const { x, label } = p;
console.log(String(x), label);
const { y: why } = p;
console.log(String(why));
