const b = new Uint8Array([1,2,3]);
const c = new Uint8Array(5);
c.set(b, 1);
console.log(b.subarray(1), b.slice(0, 2), c, [...b]);