type Dir = "n" | "e" | "s" | "w";
const turnRight: Record<Dir, Dir> = { n: "e", e: "s", s: "w", w: "n" };
let d: Dir = "n";
const path: Dir[] = [];
for (let i = 0; i < 5; i++) { path.push(d); d = turnRight[d]; }
console.log(path.join(""), d);
type Bit = 0 | 1;
const bits: Bit[] = [1, 0, 1, 1];
console.log(bits.reduce<number>((acc, b) => acc * 2 + b, 0));
