class Base {
  protected _v = 1;
  get v(): number { return this._v; }
  set v(x: number) { this._v = x; }
  get label(): string { return `base:${this.v}`; }
}
class Doubled extends Base {
  override get v(): number { return this._v * 2; }
  override set v(x: number) { this._v = x + 1; }
}
const items: Base[] = [new Base(), new Doubled()];
for (const it of items) { it.v = 10; console.log(it.v, it.label); }
