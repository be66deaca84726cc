abstract class Shape {
  abstract area(): number;
  abstract get name(): string;
  toString(): string {
    return `${this.name} with area ${this.area().toFixed(2)}`;
  }
}
class Rect extends Shape {
  constructor(private w: number, private h: number) {
    super();
  }
  area(): number {
    return this.w * this.h;
  }
  get name(): string {
    return "rect";
  }
}
class Square extends Rect {
  constructor(side: number) {
    super(side, side);
  }
  override get name(): string {
    return "square";
  }
}
class Circle extends Shape {
  constructor(readonly r: number) {
    super();
  }
  area(): number {
    return 3 * this.r * this.r;
  }
  get name(): string {
    return "circle";
  }
}
const shapes: Shape[] = [new Rect(2, 3), new Square(4), new Circle(1.5)];
for (const s of shapes) console.log(String(s));
let total = 0;
for (const s of shapes) total += s.area();
console.log(total);
console.log(`${shapes[0]}`);
console.log(shapes.map((s) => s.name).join(","));
