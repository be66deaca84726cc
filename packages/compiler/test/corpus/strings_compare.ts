const a: string = "apple";
const b: string = "banana";
console.log(String(a < b), String(a > b), String(a === "apple"), String(a !== b));
let s = "";
s += "x";
s += 1;
s += true;
console.log(s);
