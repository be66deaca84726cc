const xs = [1, -1, 255, -256, 2 ** 31 - 1, 0x80000000];
const shifts = [0, 1, 31, 32, 33, -1];
for (const x of xs) {
  const row: string[] = [];
  for (const s of shifts) row.push(`${x << s}/${x >> s}/${x >>> s}`);
  console.log(x, row.join(" "));
}
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 >>> 28, 1 << 31);
let flags = 0;
flags |= 1 << 3; flags |= 1 << 5; flags &= ~(1 << 3); flags ^= 0xff; flags <<= 2; flags >>= 1; flags >>>= 1;
console.log(flags);
