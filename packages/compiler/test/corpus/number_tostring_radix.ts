const vals = [0, 1, 255, -255, 3.5, 0.1, 1 / 3, 123.456, 2 ** 60, 1e-7, Number.MAX_SAFE_INTEGER, -0.5];
for (const v of vals) console.log(v.toString(2), v.toString(8), v.toString(16), v.toString(36));
console.log((0.5).toString(3), (100).toString(7), (-1.25).toString(4));
