const cache: Record<string, string> = { a: "1", b: "2", c: "3" };
delete cache["b"];
console.log(Object.keys(cache), "b" in cache, "a" in cache, cache["b"], Object.hasOwn(cache, "c"));
cache["b"] = "again";
console.log(Object.keys(cache));
const key = "toString";
console.log(key in cache, Object.hasOwn(cache, key));
