type M = { kind: "a" } | { kind: "b" };
function absurd(x: never): never {
  return x;
}
function exhaustive(_: never): void {}
function f(m: M): number {
  switch (m.kind) {
    case "a":
      return 1;
    case "b":
      return 2;
    default:
      exhaustive(m);
      return absurd(m);
  }
}
function g(m: M): number {
  if (m.kind === "a") return 1;
  if (m.kind === "b") return 2;
  const never: never = m;
  return never;
}
console.log(f({ kind: "a" }), g({ kind: "b" }));
