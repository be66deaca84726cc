function clamp(v: number, lo: number, hi: number): number { return Math.min(hi, Math.max(lo, v)); }
console.log(clamp(5, 0, 10), clamp(-5, 0, 10), clamp(15, 0, 10), clamp(NaN, 0, 10));
const list = [4, 9, -2, 7.5];
console.log(Math.max(...list), Math.min(...list), Math.max(...[]), Math.hypot(3, 4), Math.hypot(), Math.sqrt(2));
console.log(Math.abs(-7.25), Math.fround(5.5), Math.fround(5.05), Math.clz32(1), Math.clz32(0), Math.sign(-3));
