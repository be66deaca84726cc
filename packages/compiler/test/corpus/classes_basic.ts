class Counter {
  private count = 0;
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  increment(by = 1): void {
    this.count += by;
  }
  get(): number {
    return this.count;
  }
}
const c = new Counter("hits");
c.increment();
c.increment(5);
console.log(c.name, String(c.get()));
