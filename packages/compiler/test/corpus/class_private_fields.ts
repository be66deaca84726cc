class Account {
  #balance = 0;
  private readonly owner: string;
  protected history: number[] = [];
  constructor(owner: string) {
    this.owner = owner;
  }
  deposit(n: number): void {
    this.#balance += n;
    this.history.push(n);
  }
  get balance(): number {
    return this.#balance;
  }
  #format(): string {
    return `${this.owner}: ${this.#balance}`;
  }
  summary(): string {
    return this.#format();
  }
}
const a = new Account("ann");
a.deposit(10);
a.deposit(5.5);
console.log(a.balance, a.summary());
console.log(JSON.stringify(a));
console.log(a);
console.log(Object.keys(a));
