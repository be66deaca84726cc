class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  add(o: Point): Point {
    return new Point(this.x + o.x, this.y + o.y);
  }
  toString(): string {
    return `(${this.x}, ${this.y})`;
  }
}
class Path {
  points: Point[] = [];
  add(p: Point): Path {
    this.points.push(p);
    return this;
  }
  length(): number {
    return this.points.length;
  }
}
const p = new Point(1, 2).add(new Point(3, 4));
console.log(p.toString());
const path = new Path();
path.add(p).add(new Point(0, 0));
console.log(String(path.length()), path.points.map((q) => q.toString()).join(" "));
