const fns: (() => number)[] = [];
for (let i = 0; i < 3; i++) fns.push(() => i * 10);
console.log(fns.map((f) => f()));
const gs: (() => string)[] = [];
for (const s of ["a", "b"]) gs.push(() => s.toUpperCase());
console.log(gs.map((g) => g()));
let shared = 0;
const hs: (() => number)[] = [];
for (let j = 0; j < 3; j++) { shared = j; hs.push(() => shared); }
console.log(hs.map((h) => h()));
const ks: (() => number)[] = [];
for (let i = 0; i < 3; i++) { ks.push(() => i); i++; }
console.log(ks.map((k) => k()));
