type M = { kind: "a"; n: number } | { kind: "b"; s: string };
function assertNever(x: never): never {
  throw new Error("unexpected " + JSON.stringify(x));
}
function f(m: M): string {
  switch (m.kind) {
    case "a":
      return "a" + m.n;
    case "b":
      return "b" + m.s;
    default: {
      const unreachable: never = m;
      throw new Error("bad " + String(unreachable));
    }
  }
}
function g(m: M): string {
  switch (m.kind) {
    case "a":
      return "a";
    case "b":
      return "b";
    default:
      return assertNever(m);
  }
}
function h(m: M): string {
  switch (m.kind) {
    case "a":
      return "a";
    case "b":
      return "b";
  }
  assertNever(m);
}
console.log(f({ kind: "a", n: 1 }), g({ kind: "b", s: "x" }), h({ kind: "a", n: 2 }));
