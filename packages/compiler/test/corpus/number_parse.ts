const inputs = ["42", " 42 ", "42px", "0x1f", "0b101", "0o17", "1e3", ".5", "-.5e-2", "", " ", "Infinity", "-Infinity", "1_000", "12abc", "abc", "+7", "0.0000001", "1e400"];
for (const s of inputs) console.log(JSON.stringify(s), Number(s), parseInt(s), parseFloat(s), +s);
console.log(parseInt("ff", 16), parseInt("z", 36), parseInt("10", 2), parseInt("12", 1), parseInt("  -0x10"), parseInt("08"), parseInt("1e3"));
console.log(Number(true), Number(false), Number(null), Number(undefined), Number([]), Number([7]));
