const names = ["ann", "bob", "cid", "bob"];
console.log(String(names.indexOf("bob")), String(names.lastIndexOf("bob")), String(names.indexOf("zed")));
console.log(String(names.includes("cid")), String(names.includes("dan")));
const nums = [1, Number("x"), 3];
console.log(String(nums.includes(Number("y"))), String(nums.indexOf(Number("y"))));
