class Temperature {
  private celsius = 0;
  get fahrenheit(): number {
    return this.celsius * 1.8 + 32;
  }
  set fahrenheit(f: number) {
    this.celsius = (f - 32) / 1.8;
  }
  get kelvin(): number {
    return this.celsius + 273.15;
  }
  get c(): number {
    return this.celsius;
  }
  set c(v: number) {
    if (v < -273.15) throw new RangeError("below absolute zero");
    this.celsius = v;
  }
}
const t = new Temperature();
t.c = 100;
console.log(t.fahrenheit, t.kelvin);
t.fahrenheit = 32;
console.log(t.c);
t.c += 10;
console.log(t.c, t.fahrenheit);
try {
  t.c = -300;
} catch (e) {
  console.log(e instanceof RangeError, String(e));
}
console.log(t);
console.log(JSON.stringify(t));
console.log(Object.keys(t));
