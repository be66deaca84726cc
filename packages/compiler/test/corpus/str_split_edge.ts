console.log("a,b,,c".split(","), "".split(","), "".split(""), "abc".split(""), "a,b,c".split(",", 2), "abc".split("", 0));
console.log("one  two".split(" "), "x".split("x"), "xax".split("x"), "😀b".split(""), "a--b--c".split("--"));
console.log("k=v;k2=v2".split(";").map((p) => p.split("=")));
