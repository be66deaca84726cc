interface U { name: string; tags?: string[] }
function take(x: U): string { return x.name + (x.tags ? x.tags.length : "-"); }
const users = [{ name: "Ann", tags: ["a"] }, { name: "bob" }];
users.push({ name: "d" });
users.push({ name: "e", tags: ["x", "y"] });
for (const u of users) console.log(take(u));
const byName = new Map(users.map((u) => [u.name, u] as const));
console.log(byName.get("e")?.tags, [...byName.keys()]);
const copy = { ...users[1]!, extra: 1 };
console.log(copy);
const sorted = [...users].sort((a, b) => (b.tags?.length ?? 0) - (a.tags?.length ?? 0));
console.log(sorted.map((u) => u.name).join(","));
