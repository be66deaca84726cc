class Account {
  #balance = 0;
  static #count = 0;
  constructor(readonly owner: string) { Account.#count++; }
  deposit(n: number): this { this.#balance += n; return this; }
  get balance(): number { return this.#balance; }
  static get count(): number { return Account.#count; }
  #secret(): string { return `${this.owner}:${this.#balance}`; }
  reveal(): string { return this.#secret(); }
}
const a = new Account("ann").deposit(10).deposit(5);
new Account("bob");
console.log(a.balance, Account.count, a.reveal(), JSON.stringify(a), Object.keys(a));
