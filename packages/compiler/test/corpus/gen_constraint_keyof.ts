interface HasId { id: string }
function byId<T extends HasId>(items: T[]): Map<string, T> { return new Map(items.map((i) => [i.id, i])); }
interface User extends HasId { name: string }
const users: User[] = [{ id: "u1", name: "ann" }, { id: "u2", name: "bo" }];
const m = byId(users);
console.log(m.get("u2")?.name, m.size, [...m.keys()]);
function longest<T extends { length: number }>(a: T, b: T): T { return a.length >= b.length ? a : b; }
console.log(longest("abc", "de"), longest([1, 2], [3, 4, 5]));
