const nums = [0, -0, 1.5, 1e21, 1e-7, NaN, Infinity, -Infinity, 123456789012345680000, 0.1 + 0.2, 5e-324];
console.log(JSON.stringify(nums));
const parsed = JSON.parse("[1e3, -0, 0.1, 1E-2, 12345678901234567890, -1.5e+300]") as number[];
console.log(parsed, Object.is(parsed[1], -0));
interface M { v?: number; w: number | null }
console.log(JSON.stringify({ v: undefined, w: null } as M), JSON.stringify({ w: NaN } as M));
