const values = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1.4999999999999998, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, 1e21, -1e-7, 2.675];
for (const v of values) {
  console.log(v, Math.round(v), Math.floor(v), Math.ceil(v), Math.trunc(v), Math.sign(v));
}
console.log(Math.round(NaN), Math.round(Infinity), Math.floor(-Infinity));
