const m = new Map<string, number>().set("x", 1).set("y", 2).set("x", 3);
m.forEach((v, k) => console.log(k, v));
const s = new Set<string>().add("p").add("q").add("p");
s.forEach((v) => console.log("set", v));
console.log(m, s);
