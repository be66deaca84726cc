function find(xs: string[], w: string): string | undefined {
  return xs.includes(w) ? w.toUpperCase() : undefined;
}
const a = find(["x", "y"], "y");
const b = find(["x"], "z");
console.log(a ?? "none", b ?? "none", String(a === "Y"), String(b === undefined));
