const x = 5;
const y = 3;
console.log(String(x & y), String(x | y), String(x ^ y), String(~x));
console.log(String(x << 2), String(-16 >> 2), String(-16 >>> 28));
const big = 4294967297;
console.log(String(big | 0), String(2.9 | 0), String(-2.9 | 0));
