const a = [1, 2];
const b = [3];
const c = [...a, 0, ...b, ...a];
console.log(c, a === c);
const copy = [...c];
copy.push(9);
console.log(c.length, copy.length);
const chars = [..."héllo"];
console.log(chars, chars.length);
const uniq = [...new Set([3, 1, 3, 2, 1])];
console.log(uniq);
interface Opts {
  host: string;
  port: number;
  tls?: boolean;
}
const defaults: Opts = { host: "localhost", port: 80 };
const custom: Opts = { ...defaults, port: 8080, tls: true };
const again: Opts = { tls: false, ...custom, host: "h" };
console.log(custom, again);
console.log(JSON.stringify(custom), JSON.stringify(again), JSON.stringify(defaults));
console.log(Math.max(...a, ...b), Math.min(...c));
const merged: Record<string, number> = { ...{ x: 1 }, ...{ y: 2, x: 3 } };
console.log(merged);
