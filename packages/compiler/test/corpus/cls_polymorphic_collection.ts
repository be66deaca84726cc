abstract class Shape { abstract name: string; abstract area(): number }
class Circle extends Shape { name = "circle"; constructor(private r: number) { super(); } area(): number { return Math.round(Math.PI * this.r * this.r * 100) / 100; } }
class Rect extends Shape { name = "rect"; constructor(private w: number, private h: number) { super(); } area(): number { return this.w * this.h; } }
class Square extends Rect { override name = "square"; constructor(s: number) { super(s, s); } }
const shapes: Shape[] = [new Circle(1), new Rect(2, 3), new Square(4)];
shapes.sort((a, b) => a.area() - b.area());
console.log(shapes.map((s) => `${s.name}=${s.area()}`).join(", "));
const total = shapes.reduce((s, x) => s + x.area(), 0);
console.log(total.toFixed(2));
