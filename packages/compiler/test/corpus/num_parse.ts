console.log(String(parseInt("42px")), String(parseInt("  -17")), String(parseInt("0x1A")), String(parseInt("abc")));
console.log(String(parseInt("101", 2)), String(parseInt("ff", 16)));
console.log(String(parseFloat("3.14abc")), String(parseFloat(".5")), String(parseFloat("-1e3x")), String(parseFloat("x")));
console.log(String(Number("12")), String(Number(" 12 ")), String(Number("12px")), String(Number("")), String(Number("0x10")));
console.log(String(Number(true)), String(Number(false)));
console.log(String(isNaN(Number("x"))), String(Number.isInteger(5)), String(Number.isInteger(5.5)));
