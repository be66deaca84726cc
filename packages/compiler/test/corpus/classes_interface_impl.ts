interface Shape {
  area(): number;
  name(): string;
}
class Square implements Shape {
  private readonly side: number;
  constructor(side: number) {
    this.side = side;
  }
  area(): number {
    return this.side * this.side;
  }
  name(): string {
    return "square";
  }
}
class Circle implements Shape {
  private readonly r: number;
  constructor(r: number) {
    this.r = r;
  }
  area(): number {
    return Math.round(Math.PI * this.r * this.r * 100) / 100;
  }
  name(): string {
    return "circle";
  }
}
const shapes: Shape[] = [new Square(3), new Circle(1)];
for (const s of shapes) console.log(`${s.name()} ${s.area()}`);
