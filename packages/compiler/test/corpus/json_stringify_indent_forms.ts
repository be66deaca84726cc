interface Doc { name: string; list: number[]; nested: { a: boolean; empty: string[]; obj: Record<string, number> } }
const d: Doc = { name: "x", list: [1, 2], nested: { a: true, empty: [], obj: {} } };
console.log(JSON.stringify(d, null, 2));
console.log(JSON.stringify(d, null, "\t"));
console.log(JSON.stringify(d, null, 20).split("\n")[1]!.length, JSON.stringify([1, [2, []]], null, "--"));
console.log(JSON.stringify(d, null, 0), JSON.stringify(d, null, ""), JSON.stringify("s", null, 2));
