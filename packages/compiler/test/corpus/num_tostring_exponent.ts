const nums = [1e21, 1e20, 123456789012345680000, 1.5e-7, 0.000001, 0.0000001, 1e-300, 5e-324, 1.7976931348623157e308, 123e-20, 2 ** 70, -1e25, 0.1 + 0.2, 100, 1 / 3, 2 / 3, 1e100];
for (const n of nums) console.log(String(n), n.toString(), `${n}`, JSON.stringify(n));
console.log([1e21, 1e-7].join(" "), 1e21 + "x");
