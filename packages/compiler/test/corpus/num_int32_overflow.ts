const vals = [2 ** 31, 2 ** 32, 2 ** 32 + 5, -(2 ** 31) - 1, 1e10, -1e10, 3.9, -3.9, NaN, Infinity, 2 ** 53, 4294967295.5];
for (const v of vals) console.log(v, v | 0, v >>> 0, v >> 0, ~v, ~~v);
let h = 0;
for (const c of "hello world") h = (h * 31 + c.charCodeAt(0)) | 0;
console.log(h, h >>> 0, (h >>> 0).toString(16));
let fnv = 2166136261;
for (let i = 0; i < 5; i++) { fnv ^= i; fnv = Math.imul(fnv, 16777619) >>> 0; }
console.log(fnv);
