interface User { name: string; email?: string; age?: number; tags?: string[] }
const users: User[] = [{ name: "a" }, { name: "b", email: "b@x" }, { name: "c", age: 0, tags: [] }];
for (const u of users) {
  console.log(u.name, u.email ?? "(none)", u.age !== undefined ? u.age + 1 : "?", u.tags?.length ?? -1, "email" in u, JSON.stringify(u));
}
const u: User = { name: "d" };
u.email = "d@x";
u.age = undefined;
console.log(JSON.stringify(u), Object.keys(u), u);
