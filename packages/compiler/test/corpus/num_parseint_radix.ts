const inputs = ["42", "  42  ", "-42", "+7", "0x1F", "0X1f", "1e3", "12px", "px12", "", "   ", "0.9", "-0", "08", "101", "zz", "Infinity", "9007199254740993", "١٢"];
for (const s of inputs) console.log(JSON.stringify(s), parseInt(s), parseInt(s, 10), parseInt(s, 2), parseInt(s, 16), parseInt(s, 36));
console.log(parseInt("ff", 16), parseInt("0x10", 16), parseInt("10", 37), parseInt("10", 1), parseInt("10", 0), Number.parseInt("777", 8));
