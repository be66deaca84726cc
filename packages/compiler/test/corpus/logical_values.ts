function pick(a: string, b: string): string {
  return a || b;
}
console.log(pick("", "default"), pick("set", "default"));
const n = 0;
const m = n || 5;
console.log(String(m));
let x: string | undefined;
x ??= "init";
console.log(x);
let y = "";
y ||= "filled";
console.log(y);
