class Counter {
  static instances = 0;
  static readonly label = "counter";
  private static nextId = 100;
  readonly id: number;
  count = 0;
  constructor() {
    Counter.instances++;
    this.id = Counter.nextId++;
  }
  static create(start: number): Counter {
    const c = new Counter();
    c.count = start;
    return c;
  }
  static describe(): string {
    return `${this.label}: ${this.instances} made`;
  }
  inc(): this {
    this.count++;
    return this;
  }
}
const a = new Counter();
const b = Counter.create(10);
b.inc().inc();
console.log(a.id, b.id, a.count, b.count);
console.log(Counter.instances, Counter.describe());
Counter.instances = 42;
console.log(Counter.describe());
