const s = "the quick brown fox jumps over the lazy dog";
console.log(s.indexOf("the"), s.indexOf("the", 1), s.lastIndexOf("the"), s.lastIndexOf("the", 30), s.indexOf(""), s.indexOf("", 100), s.lastIndexOf(""));
console.log(s.includes("fox"), s.includes("fox", 20), s.startsWith("the"), s.startsWith("quick", 4), s.endsWith("dog"), s.endsWith("lazy", 39));
console.log(s.indexOf("cat"), s.search("o"), "aaa".lastIndexOf("a", -5), "abc".indexOf("c", -10));
const emoji = "😀a😀b";
console.log(emoji.indexOf("a"), emoji.lastIndexOf("😀"), emoji.indexOf("b"));
