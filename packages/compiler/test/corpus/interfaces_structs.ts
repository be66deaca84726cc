interface User {
  name: string;
  age: number;
  email?: string;
}
const u: User = { name: "ann", age: 30 };
const v: User = { name: "bob", age: 41, email: "b@x" };
function describe(x: User): string {
  return `${x.name}/${x.age}/${x.email ?? "-"}`;
}
console.log(describe(u), describe(v));
u.email = "a@x";
console.log(describe(u), String(u.email !== undefined));
const w = u;
w.age = 31;
console.log(String(u.age));
