const mixed: (number | string)[] = [1, "two", 3, "four"];
const nums = mixed.filter((x): x is number => typeof x === "number");
const strs = mixed.filter((x): x is string => typeof x === "string");
console.log(nums, strs, mixed.map((x) => (typeof x === "number" ? x * 2 : x.toUpperCase())));
const maybe: (string | undefined)[] = ["a", undefined, "b"];
console.log(maybe.filter((x) => x !== undefined).length, maybe.map((x) => x ?? "-").join(""));
