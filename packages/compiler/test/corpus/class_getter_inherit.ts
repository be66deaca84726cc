class Person {
  constructor(protected first: string, protected last: string) {}
  get fullName(): string {
    return `${this.first} ${this.last}`;
  }
  set fullName(v: string) {
    const [f, l] = v.split(" ");
    this.first = f ?? "";
    this.last = l ?? "";
  }
  get initials(): string {
    return `${this.first[0] ?? ""}${this.last[0] ?? ""}`;
  }
}
class Employee extends Person {
  constructor(first: string, last: string, private title: string) {
    super(first, last);
  }
  override get fullName(): string {
    return `${this.title} ${super.fullName}`;
  }
  override set fullName(v: string) {
    super.fullName = v;
  }
}
const p = new Person("ada", "lovelace");
const e = new Employee("alan", "turing", "Dr.");
console.log(p.fullName, p.initials, e.fullName, e.initials);
e.fullName = "grace hopper";
console.log(e.fullName, e.initials);
const people: Person[] = [p, e];
console.log(people.map((x) => x.fullName));
