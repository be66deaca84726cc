const enc = new TextEncoder();
const bytes = enc.encode("héllo 😀");
console.log(bytes.length, bytes[0], bytes[1], bytes[2], enc.encoding, bytes);
const dec = new TextDecoder();
console.log(dec.decode(bytes), dec.decode(new Uint8Array([0xe2, 0x82, 0x41, 0xff, 0x41])).length, dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])));
const strict = new TextDecoder("utf-8", { fatal: true });
try {
  strict.decode(new Uint8Array([0xc3]));
} catch (e) {
  console.log("fatal:", e instanceof TypeError);
}
const u = new Uint8Array(4);
u[0] = 300;
u[1] = -1;
u[5] = 7;
console.log(u, u.length, u[5], Array.from(u.subarray(0, 2)).join(","));
const sub = u.subarray(1, 3);
sub[0] = 9;
console.log(u[1], u.slice(0, 2), u.indexOf(9), u.includes(44), u.join("/"));
