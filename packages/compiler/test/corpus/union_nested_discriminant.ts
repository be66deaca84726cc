type Expr = { op: "num"; v: number } | { op: "add" | "mul"; l: Expr; r: Expr } | { op: "neg"; e: Expr };
function evaluate(e: Expr): number {
  switch (e.op) {
    case "num": return e.v;
    case "add": return evaluate(e.l) + evaluate(e.r);
    case "mul": return evaluate(e.l) * evaluate(e.r);
    case "neg": return -evaluate(e.e);
  }
}
function show(e: Expr): string {
  if (e.op === "num") return String(e.v);
  if (e.op === "neg") return `-(${show(e.e)})`;
  return `(${show(e.l)} ${e.op === "add" ? "+" : "*"} ${show(e.r)})`;
}
const ex: Expr = { op: "add", l: { op: "num", v: 2 }, r: { op: "mul", l: { op: "neg", e: { op: "num", v: 3 } }, r: { op: "num", v: 4 } } };
console.log(show(ex), "=", evaluate(ex));
