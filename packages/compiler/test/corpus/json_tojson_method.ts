class Money {
  constructor(private cents: number, private currency: string) {}
  toJSON(): string { return `${(this.cents / 100).toFixed(2)} ${this.currency}`; }
}
interface Invoice { id: number; total: Money; lines: Money[] }
const inv: Invoice = { id: 1, total: new Money(1999, "EUR"), lines: [new Money(999, "EUR"), new Money(1000, "EUR")] };
console.log(JSON.stringify(inv));
console.log(JSON.stringify(new Money(5, "USD")));
