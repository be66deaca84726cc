const scores = new Map<string, number>([["bob", 7], ["amy", 9], ["cat", 7], ["dan", 3]]);
const sorted = [...scores.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
console.log(sorted.map(([n, s]) => `${n}:${s}`).join(" "));
const top = new Map(sorted.slice(0, 2));
console.log(top, [...top.keys()]);
