console.log("".split(/,/), "".split(/x*/), "a,b,,c".split(/,/), "a,b,,c".split(/,/, 2));
console.log("one  two   three".split(/\s+/), "camelCaseString".split(/([A-Z])/));
console.log("aaa".replace(/a/g, "$0"), "abc".replace(/b/, "$1"), "abc".replace(/(b)/, "$11"), "abc".replace(/(b)/, "$01"));
console.log("x.y.z".replaceAll(/\./g, "/"), "a+b".replace(/\+/, " plus "));
console.log("Price: $5".replace(/\$(\d)/, "USD$1"), "tab\there".replace(/\t/, "\\t"));
const words = "the rain in spain stays mainly".match(/\b\w*ain\w*\b/g);
console.log(words?.length, words?.join(","));
