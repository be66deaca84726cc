const g = /o/g;
const s = "foo boo";
const results: string[] = [];
for (let i = 0; i < 6; i++) results.push(`${g.test(s)}@${g.lastIndex}`);
console.log(results.join(" "));
console.log(s.search(/b/), s.search(/z/), g.lastIndex);
g.lastIndex = 5;
console.log(g.exec(s)?.index, s.match(g)?.length, g.lastIndex);
