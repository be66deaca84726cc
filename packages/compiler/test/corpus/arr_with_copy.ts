const xs = [1, 2, 3];
const ys = xs.with(1, 20);
console.log(xs, ys, xs.with(-1, 9));
try { xs.with(5, 0); } catch (e) { console.log((e as Error).name, (e as Error).message); }
const copy = xs.slice();
copy.push(4);
console.log(xs, copy, [...xs, ...copy].length);
