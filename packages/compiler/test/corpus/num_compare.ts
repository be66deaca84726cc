const nan = Number("x");
console.log(String(nan === nan), String(nan !== nan), String(1 < 2), String(2 <= 2), String(3 > 4), String(-0 === 0));
console.log(String(0.1 + 0.2 === 0.3), String(Number.MAX_SAFE_INTEGER), String(Number.EPSILON > 0));
