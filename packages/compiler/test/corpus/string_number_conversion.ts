console.log(String(123), (45.6).toString(), String(true), String(-1e-7));
const n = 255;
console.log(n.toString(), String(n / 10));
console.log(String(Boolean("")), String(Boolean("x")), String(Boolean(0)), String(!!1));
console.log("" + 1 + 2, String(1 + 2) + "3");
