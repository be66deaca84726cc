const s = "héllo, wörld 😀!";
console.log(s.length, s.at(0), s.at(-1), s.at(-2), s.at(100), s.charAt(1), s.charAt(99) === "", s[1], s[13], s[14]);
for (let i = 0; i < 4; i++) console.log(i, s.charCodeAt(i), s.codePointAt(i));
console.log(s.charCodeAt(13), s.charCodeAt(14), s.codePointAt(13), s.codePointAt(14), s.charCodeAt(99), s.codePointAt(99));
