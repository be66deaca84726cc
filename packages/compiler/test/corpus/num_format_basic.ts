const values: number[] = [0, 1, -1, 1.5, -2.25, 0.1, 100, 1e21, 1e20, 123456789, 0.000001, 0.0000001, 1.5e-7, 5e-324, 1.7976931348623157e308];
for (const v of values) {
  console.log(String(v));
}
console.log(`${0.1 + 0.2}`);
