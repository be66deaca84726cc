const xs: number[] = [1.005, 2.5, 1.45, -1.5, 0, 123.456, 1e21, 0.000001];
for (const x of xs) {
  console.log(x.toFixed(2), x.toFixed(0));
}
console.log((1234.5678).toFixed(1));
