interface Sq { kind: "sq"; s: number }
interface Ci { kind: "ci"; r: number }
type Shape = Sq | Ci;
const shapes: Shape[] = [{ kind: "sq", s: 2 }, { kind: "ci", r: 1 }];
for (const shape of shapes) {
  const { kind } = shape;
  console.log(kind, kind.length);
}
function area(shape: Shape): number {
  const { kind } = shape;
  if (kind === "sq") return 1;
  return 2;
}
console.log(area(shapes[0]!), area(shapes[1]!));
