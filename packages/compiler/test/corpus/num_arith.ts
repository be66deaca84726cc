let a = 7;
let b = 2;
console.log(String(a + b), String(a - b), String(a * b), String(a / b), String(a % b));
console.log(String(-7 % 2), String(7 % -2), String(5.5 % 2), String(a ** b));
a += 3; b *= 4; a -= 1; b /= 3;
console.log(String(a), String(b));
let c = 10; c %= 4; console.log(String(c));
