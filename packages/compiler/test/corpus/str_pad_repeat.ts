console.log("5".padStart(3, "0"), "abc".padStart(10, "12"), "abc".padEnd(6, "-="), "abc".padStart(2), "x".padEnd(4) + "|", "x".padStart(5, ""));
console.log("ab".repeat(3), "".repeat(5) === "", "-".repeat(0) === "", "=".repeat(2.9));
const table = [["name", "qty"], ["apple", "3"], ["kiwi", "12"]];
for (const [a, b] of table) console.log(`${(a ?? "").padEnd(8, ".")}${(b ?? "").padStart(4)}`);
