// Node measures entries in terminal columns when it groups an array: East Asian wide
// characters take two, combining marks none.
console.log(["世界", "a", "b", "c", "d", "e", "f"]);
console.log(["ü", "ß", "a", "b", "c", "d", "e"]);
console.log(["e\u0301", "bb", "c", "d", "e", "f", "g"]);
console.log(["ｈｉ", "カナ", "한국", "x", "yy", "zzz", "w"]);
console.log(["😀", "ab", "a\u200bb", "c", "d", "e", "f", "g"]);
console.log(["中文字符串", "abcdefghij", "k", "l", "m", "n", "o", "p", "q", "r", "s"]);
