function sum(...xs: number[]): number { return xs.reduce((a, b) => a + b, 0); }
function tag(prefix: string, ...parts: string[]): string { return `${prefix}:${parts.length}:${parts.join("/")}`; }
const nums = [1, 2, 3];
console.log(sum(), sum(1), sum(...nums), sum(0, ...nums, 10), tag("p"), tag("p", "a", "b"), tag("q", ...["x", "y"]));
const logAll = (...items: (string | number)[]): string => items.map(String).join(" ");
console.log(logAll(1, "two", 3));
