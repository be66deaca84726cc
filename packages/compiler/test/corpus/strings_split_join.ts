const csv = "a,b,,c";
const parts = csv.split(",");
console.log(String(parts.length), parts.join("|"));
console.log("abc".split("").join("-"));
console.log("one two three".split(" ", 2).join("+"));
console.log(["x", "y"].join(), [1, 2.5, 3].join(" "));
