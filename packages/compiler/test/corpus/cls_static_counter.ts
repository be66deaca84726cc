class Ids {
  static next = 1;
  static readonly prefix = "id-";
  static issue(): string { return Ids.prefix + Ids.next++; }
  static reset(): void { this.next = 1; }
}
console.log(Ids.issue(), Ids.issue(), Ids.next);
Ids.reset();
console.log(Ids.issue(), Ids.prefix);
