const a = "foo";
console.log(a.concat("bar", "baz"), a.concat(), "".concat("x", "y"), a + 1 + 2, 1 + 2 + a, a + true + null + undefined);
let s = "";
for (let i = 0; i < 5; i++) s += i;
console.log(s, s.length);
const parts = ["a", "b", "c"];
console.log(parts.join(""), parts.join(), parts.join(" - "), [1, [2, 3], "x"].join(";"));
