const n = NaN;
console.log(n === n, n !== n, n < 1, n > 1, n <= n, n >= n, Number.isNaN(n), isNaN(n));
const arr = [3, NaN, 1];
console.log(arr.indexOf(NaN), arr.includes(NaN), arr.findIndex((x) => Number.isNaN(x)));
console.log(Math.max(1, NaN), Math.min(NaN, 1), Math.max(), Math.min());
console.log(NaN ** 0, 0 ** 0, 1 ** Infinity, (-8) ** (1 / 3), Infinity - Infinity, 0 * Infinity);
const s = new Set([NaN, NaN, 0, -0]);
console.log(s.size, [...s]);
