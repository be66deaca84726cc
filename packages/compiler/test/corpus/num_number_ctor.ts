const inputs = ["42", " 42 ", "", "  ", "0x1f", "0b101", "0o17", "1e3", "12px", "-0", "Infinity", "-Infinity", "+5", ".5", "5.", "1_0", "\n\t7\n", "0x", "-0x10"];
for (const s of inputs) console.log(JSON.stringify(s), Number(s));
console.log(Number(true), Number(false), Number(null), Number(undefined), Number(""), Number("1.50"));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.isFinite(1 / 0), Number.isNaN(0 / 0));
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE);
