const s = "a.b.c.d";
console.log(s.replace(".", "-"), s.replaceAll(".", "-"), s.replaceAll("", "_"), "aaaa".replaceAll("aa", "b"));
console.log("x$y".replace("$", "$$"), "abc".replace("b", "[$&]"), "abc".replace("b", "[$`|$']"), "abc".replace("z", "q"));
console.log("hello".replace("l", (m) => m.toUpperCase()), "hello".replaceAll("l", (m, off) => `${m}${off}`));
