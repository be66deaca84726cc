const xs = [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789.123, 2 ** 53, -(2 ** 31), 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity];
for (const x of xs) console.log(String(x), `${x}`, x.toString(), JSON.stringify(x));
console.log(xs);
console.log((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (0.1).toString(3), (1e21).toString(16));
console.log((3.14159).toFixed(2), (1.005).toFixed(2), (-1.5).toFixed(0), (1e21).toFixed(2), (0).toFixed(3));
console.log((123.456).toPrecision(4), (0.00012345).toPrecision(2), (123456).toPrecision(2), (2.5).toPrecision(1), (1.25).toPrecision(2));
console.log((123.456).toExponential(2), (0).toExponential(), (1e-10).toExponential(3), (2.5).toExponential(0), (12345).toExponential());
