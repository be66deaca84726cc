const xs = [0, 1, -1, 2 ** 31, 2 ** 32 + 5, -(2 ** 31) - 1, 3.7, -3.7, NaN, Infinity, 1e21];
for (const x of xs) console.log(x | 0, x >>> 0, ~x, x << 1, x >> 1, x & 0xff);
let flags = 0;
flags |= 1 << 3;
flags |= 1 << 5;
flags &= ~(1 << 3);
flags ^= 0b1111;
console.log(flags, flags.toString(2));
function popcount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v !== 0; v >>>= 1) c += v & 1;
  return c;
}
console.log(popcount(0xff), popcount(-1), popcount(12345));
const hash = "hello".split("").reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 0);
console.log(hash, (hash >>> 0).toString(16));
