type Val = string | number | boolean | undefined;
function show(v: Val): string {
  if (typeof v === "string") return `str(${v.length})`;
  if (typeof v === "number") return `num(${v.toFixed(1)})`;
  if (typeof v === "boolean") return `bool(${v ? "T" : "F"})`;
  return "undef";
}
const vs: Val[] = ["hey", 3.14159, false, undefined, ""];
console.log(vs.map(show).join(" "), vs.map((v) => typeof v).join(","));
