class Base {
  log: string[] = [];
  constructor() {
    this.log.push("base:" + this.kind());
    this.init();
  }
  kind(): string {
    return "base";
  }
  init(): void {
    this.log.push("base init");
  }
}
class Derived extends Base {
  extra = "x";
  constructor() {
    super();
    this.log.push("derived ctor " + this.extra);
  }
  override kind(): string {
    return "derived";
  }
  override init(): void {
    super.init();
    this.log.push("derived init");
  }
}
class Leaf extends Derived {
  override kind(): string {
    return "leaf";
  }
}
console.log(new Base().log.join(" | "));
console.log(new Derived().log.join(" | "));
console.log(new Leaf().log.join(" | "));
const items: Base[] = [new Leaf(), new Base()];
console.log(items.map((i) => i.kind()));
