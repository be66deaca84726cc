const ns = [123.456, 0.000123, 1e21, 123456, 1.5, 2.5, 0, -0, 99.99, 1 / 3, 5e-7];
for (const n of ns) console.log(n.toPrecision(1), n.toPrecision(3), n.toPrecision(6), n.toPrecision(21));
console.log((123.456).toExponential(2), (0).toExponential(), (1e-7).toExponential(3), (123456).toExponential(), (-1.5).toExponential(0));
