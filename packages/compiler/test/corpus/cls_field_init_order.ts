const log: string[] = [];
function note(s: string): number { log.push(s); return log.length; }
class Base {
  a = note("base.a");
  constructor() { note("base.ctor"); }
}
class Derived extends Base {
  b = note("derived.b");
  c: number;
  constructor() {
    super();
    this.c = note("derived.ctor");
  }
}
const d = new Derived();
console.log(log.join(" > "), d.a, d.b, d.c);
