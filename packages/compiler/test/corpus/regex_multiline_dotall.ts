const text = "line1\nline2\nline3";
console.log(text.match(/^line\d$/gm), text.match(/^line\d$/g), /line1.line2/.test(text), /line1.line2/s.test(text));
console.log(text.replace(/$/gm, ";"), JSON.stringify(text.split(/\r?\n/)));
console.log(/a.c/.test("a\u2028c"), /a[^]c/.test("a\nc"), /\bword\b/.test("a word here"), /\Bor\B/.test("word"));
