const zero = 0;
const negZero = -zero;
console.log(String(negZero), `${negZero}`);
console.log(String(1 / zero), String(-1 / zero), String(zero / zero));
console.log(String(2 ** 53), String(2 ** 53 + 1), String(-(2 ** 31)));
console.log(String(1 / 3), String(2 / 3), String(10 / 3));
console.log(String(123e-20), String(1e-6), String(12345678901234567890));
