interface Named { name: string }
interface Aged { age: number }
class Person { constructor(public name: string, public age: number) {} }
function greet(n: Person | Named): string { return `hi ${n.name}`; }
function older(a: Person, years: number): number { return a.age + years; }
const p = new Person("zoe", 30);
console.log(greet(p), older(p, 5), greet({ name: "literal" }));
const ages: Aged[] = [{ age: p.age }, { age: 3 }];
console.log(ages.map((x) => x.age).join(","));
