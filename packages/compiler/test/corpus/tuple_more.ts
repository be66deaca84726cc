type Entry = [key: string, value: number];
const entries: Entry[] = [["b", 2], ["a", 1], ["c", 3]];
entries.sort((x, y) => x[1] - y[1]);
console.log(entries.map((e) => e.join("=")).join("&"));
const m = new Map<string, number>(entries);
console.log(m.get("c"), [...m].length);
function divmod(a: number, b: number): [number, number] {
  return [Math.floor(a / b), a % b];
}
const [q, r] = divmod(17, 5);
console.log(q, r, divmod(-7, 2));
const triple: [string, number, boolean] = ["x", 1, true];
const [s, ...restT] = triple;
console.log(s, restT, triple.length, triple.includes(true));
for (const [i, v] of ["a", "b"].entries()) console.log(i, v);
const zipped: [number, string][] = [1, 2, 3].map((n, i) => [n, "abc"[i] ?? "?"]);
console.log(JSON.stringify(zipped));
