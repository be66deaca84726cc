class Temperature {
  private celsius = 0;
  get fahrenheit(): number { return this.celsius * 9 / 5 + 32; }
  set fahrenheit(f: number) { this.celsius = (f - 32) * 5 / 9; }
  get value(): number { return this.celsius; }
  set value(c: number) {
    if (c < -273.15) throw new RangeError(`below absolute zero: ${c}`);
    this.celsius = c;
  }
}
const t = new Temperature();
t.fahrenheit = 212;
console.log(t.value, t.fahrenheit);
t.value += 5;
console.log(t.value);
try { t.value = -300; } catch (e) { console.log(e instanceof RangeError, (e as Error).message); }
