const s = "John Smith, Jane Doe";
console.log(s.replace(/(\w+) (\w+)/, "$2 $1"), s.replace(/(\w+) (\w+)/g, "$2, $1"), s.replace(/o/g, "$$"), s.replace(/Smith/, "[$`|$&|$']"));
console.log("aaa".replace(/a*?/g, "-"), "abc".replace(/(?:)/g, "."), "x".replace(/(y)?x/, "[$1]"), "abc".replace(/b/, "$0$3"));
console.log("camelCaseString".replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()), "snake_case_here".replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
