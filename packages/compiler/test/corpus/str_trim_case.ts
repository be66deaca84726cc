const raw = "\t\n  Hello World \u00a0\ufeff";
console.log(JSON.stringify(raw.trim()), JSON.stringify(raw.trimStart()), JSON.stringify(raw.trimEnd()));
console.log("ÀÉÎõü".toLowerCase(), "straße".toUpperCase(), "İstanbul".toLowerCase().length, "ǅ".toLowerCase(), "ǆ".toUpperCase());
console.log("MiXeD CaSe 123".toLowerCase(), "mixed case".toUpperCase(), "ΣΑΣ".toLowerCase(), "ﬁ".toUpperCase());
