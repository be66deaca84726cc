function classify(v: string | null | undefined): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  return `value:${v}`;
}
console.log(classify(null), classify(undefined), classify(""), classify("x"));
const arr: (number | null)[] = [1, null, 3];
console.log(arr, JSON.stringify(arr), arr.map((x) => x ?? 0), arr.filter((x) => x !== null).length);
const o: { a?: string | null } = { a: null };
console.log(o.a === null, o.a == undefined, JSON.stringify(o), "a" in o, o.a ?? "dflt");
