interface P { name: string; age: number }
const people: P[] = [{ name: "a", age: 30 }, { name: "b", age: 25 }, { name: "c", age: 30 }, { name: "d", age: 25 }, { name: "e", age: 40 }, { name: "f", age: 25 }];
const byAge = [...people].sort((x, y) => x.age - y.age);
console.log(byAge.map((p) => p.name).join(""));
const many: number[] = [];
for (let i = 0; i < 40; i++) many.push((i * 7) % 5);
const idx = many.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
console.log(idx.map((e) => e.i).join(","));
console.log(["B", "a", "C", "b"].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0)));
