class Scaler {
  constructor(private factor: number) {}
  scale = (x: number): number => x * this.factor;
  scaleAll(xs: number[]): number[] { return xs.map(this.scale); }
  scaleAll2(xs: number[]): number[] { return xs.map((x) => this.apply(x)); }
  apply(x: number): number { return x + this.factor; }
}
const s = new Scaler(3);
console.log(s.scaleAll([1, 2]), s.scaleAll2([1, 2]));
const f = s.scale;
console.log(f(10));
