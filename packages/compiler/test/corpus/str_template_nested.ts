const user = { name: "Ann", roles: ["admin", "dev"], age: 41 };
const line = `${user.name} (${user.age >= 40 ? `senior, ${user.age}` : "junior"}) roles=[${user.roles.map((r) => `<${r}>`).join(",")}]`;
console.log(line);
const n = 3.5, big = 1e21, neg = -0;
console.log(`${n} ${big} ${neg} ${[1, 2]} ${null} ${undefined} ${true} ${NaN}`);
function tag(count: number): string { return `${count} item${count === 1 ? "" : "s"}`; }
console.log(tag(0), tag(1), tag(2));
