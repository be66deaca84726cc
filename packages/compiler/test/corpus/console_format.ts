console.log("%s is %d years", "Ann", 30.5);
console.log("%i items, %f ratio, %j json", 42.9, "3.5x", { a: [1] });
console.log("100%", "done", "%%", "%c styled", "color: red");
console.log("%s %s", "only-one");
console.log("%o and %O", [1, { a: 2 }], { b: "x" });
console.log("no format", 1, "two", [3]);
console.log("%d", "abc", "%s extra", -0);
console.log("%s", -0, "%s", null, undefined, true);
console.log("a\nb", ["multi\nline"]);
