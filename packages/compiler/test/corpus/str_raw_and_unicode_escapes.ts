const path = String.raw`C:\temp\new`;
console.log(path, path.length);
const greek = "\u03b1\u03b2\u03b3";
console.log(greek, greek.toUpperCase(), greek.length, encodeURIComponent(greek));
console.log("\u{10FFFF}".length, "\u{10FFFF}".codePointAt(0), "a\u0301".length);
