const inputs = ["3.14", "  3.14abc", ".5", "-.5", "5.", "1e3", "1e", "1e+", "-1.5e-3x", "Infinity", "-Infinityx", "infinity", "0x10", "", "abc", "1_000", "+.7e2", "00012", "1.2.3"];
for (const s of inputs) console.log(JSON.stringify(s), parseFloat(s), Number.parseFloat(s));
