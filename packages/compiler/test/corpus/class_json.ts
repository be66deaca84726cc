class Account {
  id: string;
  balance = 0;
  note?: string;
  private history: number[] = [];
  constructor(id: string) {
    this.id = id;
  }
  deposit(v: number): void {
    this.balance += v;
    this.history.push(v);
  }
}
const a = new Account("acc-1");
a.deposit(10.5);
a.deposit(2);
console.log(JSON.stringify(a));
a.note = "vip";
console.log(JSON.stringify(a, null, 2));
