function describe(x: unknown): string {
  if (typeof x === "string") return `string(${x.length})`;
  if (typeof x === "number") return `number(${x})`;
  if (typeof x === "boolean") return `boolean(${x})`;
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (Array.isArray(x)) return `array(${x.length})`;
  if (typeof x === "object") return "object";
  return "other";
}
const values: unknown[] = ["hi", 4, false, null, undefined, [1, 2], { a: 1 }];
console.log(values.map(describe).join(", "));
const data: unknown = JSON.parse('{"a":[1,"x",{"b":null}],"c":true}');
if (typeof data === "object" && data !== null) console.log("object");
console.log(describe(data), describe(JSON.parse("[1,2]") as unknown), describe(JSON.parse("3") as unknown));
