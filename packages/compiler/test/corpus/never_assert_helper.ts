type Shape = { kind: "circle"; r: number } | { kind: "square"; side: number };
function fail(x: never): never {
  throw new Error("unexpected " + JSON.stringify(x));
}
function area(s: Shape): number {
  switch (s.kind) {
    case "circle":
      return s.r * s.r * 3;
    case "square":
      return s.side * s.side;
    default: {
      const exhaustive: never = s;
      throw new Error("unhandled");
    }
  }
}
function label(s: Shape): string {
  if (s.kind === "circle") return "c";
  if (s.kind === "square") return "s";
  return fail(s);
}
function check(s: Shape): void {
  if (s.kind === "circle") return;
  if (s.kind === "square") return;
  fail(s);
}
console.log(area({ kind: "circle", r: 1 }), label({ kind: "square", side: 2 }));
check({ kind: "circle", r: 1 });
try {
  const odd: Shape = { kind: "circle", r: 5 };
  fail(odd as never);
} catch (e) {
  console.log(e instanceof Error ? e.message : "?");
}
