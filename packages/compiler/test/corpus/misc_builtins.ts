const chars = Array.from("a😀b");
console.log(String(chars.length), chars.join("|"));
console.log(String("😀".codePointAt(0)), String("abc".codePointAt(5) === undefined));
console.log(String.fromCharCode(72, 105));
console.error("this goes to stderr");
const product = [1, 2, 3, 4].reduce((a, b) => a * b);
console.log(String(product));
let n = 0;
loop: while (true) {
  n++;
  switch (n) {
    case 3:
      break loop;
    default:
      continue loop;
  }
}
console.log(String(n));
console.log(String(Math.hypot(3, 4)), String(Math.max()), String(Math.min()), String(Math.hypot(1, 2, 2)), String(Math.hypot()));
const words = new Set(["b", "a"]);
console.log(Array.from(words).join(""));
