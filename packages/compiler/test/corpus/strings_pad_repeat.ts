console.log("5".padStart(3, "0"), "abc".padEnd(6, "12"), "x".padStart(4), "long".padStart(2, "-"));
console.log("ab".repeat(3), "|" + "".repeat(5) + "|");
const at1 = "hello".at(-1);
console.log(at1 ?? "none", "hello".at(10) ?? "none");
