// for...of over a Uint8Array yields its bytes as numbers.
const bytes = new Uint8Array([1, 200, 255]);
let sum = 0;
for (const b of bytes) sum += b;
console.log(sum);
for (const b of new TextEncoder().encode("hé")) console.log(b, typeof b);
for (const b of new Uint8Array(0)) console.log("never", b);
