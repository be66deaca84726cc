function f(x: string): string;
function f(x: number): number;
function f(x: string | number): string | number { return typeof x === "string" ? x + "!" : x * 2; }
const a: string = f("a");
const b: number = f(2);
console.log(a, b, f(3) + 1);
