const words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9", "é", "e", "Z"];
console.log([...words].sort().join(" "));
console.log([...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(" "));
const nums = [10, 1, 5, 100, -1, 0.5];
console.log([...nums].sort().join(","), [...nums].sort((a, b) => a - b).join(","));
const stable = [{ k: 1, v: "a" }, { k: 0, v: "b" }, { k: 1, v: "c" }, { k: 0, v: "d" }];
stable.sort((x, y) => x.k - y.k);
console.log(stable.map((x) => x.v).join(""));
console.log(["b", undefined, "a"].sort(), [3, undefined, 1].sort());
