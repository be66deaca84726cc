console.log(/^b/m.test("a\nb"), /^b/.test("a\nb"), /a.c/.test("a\nc"), /a.c/s.test("a\nc"));
console.log(/ÉTÉ/i.test("été"), /[a-z]+/i.exec("HeLLo wORLD")?.[0]);
console.log(/\u{1F600}/u.test("smile 😀"), /^.$/u.test("😀"), /^..$/u.test("😀"));
console.log("Ab12_!".replace(/\W/g, "*"), "a\tb c\u00a0d".split(/\s/).length, /\bcat\b/.test("a cat!"));
console.log("x".padEnd(3).replace(/\s+$/, "|"), "  trim me  ".replace(/^\s+|\s+$/g, ""));
console.log(/[^abc]/.exec("abcd")?.[0], /[\d.]+/.exec("v1.2.3x")?.[0], /a{2,3}/.exec("aaaa")?.[0], /a{2,3}?/.exec("aaaa")?.[0]);
console.log(/\p{Lu}/u.test("é"), /\p{Lu}/u.test("É"), /\p{Script=Greek}/u.test("α"));
console.log("line1\nline2\nline3".match(/^line\d$/gm));
