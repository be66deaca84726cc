const s = "  Hello, World  ";
console.log(s.trim(), "|" + s.trimStart() + "|", "|" + s.trimEnd() + "|");
const t = s.trim();
console.log(t.toLowerCase(), t.toUpperCase(), String(t.length));
console.log(String(t.startsWith("Hell")), String(t.endsWith("!")), String(t.includes("o, W")));
console.log(String(t.indexOf("o")), String(t.lastIndexOf("o")), String(t.indexOf("zz")), String(t.indexOf("o", 5)));
console.log(t.slice(0, 5), t.slice(-5), t.slice(7), t.substring(7, 2), t.substring(3));
console.log(t.charAt(1), String(t.charCodeAt(1)), t[4]);
