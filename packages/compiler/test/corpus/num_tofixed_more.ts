const cases: [number, number][] = [[1.005, 2], [1.45, 1], [1.55, 1], [123.456, 0], [0.000001, 7], [1e21, 2], [-1.5, 0], [2.5, 0], [-0.0001, 2], [99.995, 2], [0, 5], [1234.5678, 10], [0.5, 0], [1.0e-10, 3]];
for (const [n, d] of cases) console.log(n, d, n.toFixed(d));
console.log((25).toFixed(), (-25.5).toFixed(), NaN.toFixed(2), Infinity.toFixed(1));
