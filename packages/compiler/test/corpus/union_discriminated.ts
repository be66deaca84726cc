interface Circle {
  kind: "circle";
  radius: number;
}
interface Square {
  kind: "square";
  side: number;
}
interface Rect {
  kind: "rect";
  w: number;
  h: number;
}
type Shape = Circle | Square | Rect;
function area(s: Shape): number {
  switch (s.kind) {
    case "circle":
      return 3 * s.radius * s.radius;
    case "square":
      return s.side * s.side;
    case "rect":
      return s.w * s.h;
  }
}
function describe(s: Shape): string {
  if (s.kind === "circle") return `circle r=${s.radius}`;
  if ("side" in s) return `square ${s.side}`;
  return `rect ${s.w}x${s.h}`;
}
const shapes: Shape[] = [{ kind: "circle", radius: 2 }, { kind: "square", side: 3 }, { kind: "rect", w: 2, h: 5 }];
for (const s of shapes) console.log(s.kind, area(s), describe(s));
console.log(JSON.stringify(shapes));
console.log(shapes);
const parsed = JSON.parse('{"kind":"rect","w":1,"h":2}') as Shape;
console.log(parsed.kind, area(parsed));
