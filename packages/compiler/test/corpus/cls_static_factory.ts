class Color {
  private constructor(readonly r: number, readonly g: number, readonly b: number) {}
  static fromHex(hex: string): Color {
    const n = parseInt(hex.replace("#", ""), 16);
    return new Color((n >> 16) & 255, (n >> 8) & 255, n & 255);
  }
  static readonly BLACK = new Color(0, 0, 0);
  toHex(): string { return "#" + [this.r, this.g, this.b].map((c) => c.toString(16).padStart(2, "0")).join(""); }
  mix(o: Color): Color { return new Color((this.r + o.r) >> 1, (this.g + o.g) >> 1, (this.b + o.b) >> 1); }
}
const c = Color.fromHex("#ff8040");
console.log(c.toHex(), c.mix(Color.BLACK).toHex(), Color.BLACK.toHex(), c);
