const s = "héllo wörld 😀!";
console.log(String(s.length), s.toUpperCase(), s.slice(0, 5), s.slice(12, 14));
console.log(String(s.charCodeAt(1)), String(s.indexOf("w")), String(s.indexOf("😀")), String("😀".length));
console.log(s.split(" ").join("/"), "日本語".charAt(1), "日本語".padStart(5, "*"));
let count = 0;
for (const ch of "a😀b") {
  count++;
  console.log(ch);
}
console.log(String(count));
