function len(s?: string): number { return s ? s.length : -1; }
console.log(len(), len(""), len("abc"));
function pick(a: number | undefined, b: number): number { return a || b; }
console.log(pick(0, 5), pick(undefined, 5), pick(3, 5), pick(NaN, 7));
const items: (string | undefined)[] = ["a", undefined, "", "b"];
console.log(items.filter(Boolean).length, items.map((x) => !!x));
let maybe: string | undefined;
if (!maybe) maybe = "set";
console.log(maybe);
