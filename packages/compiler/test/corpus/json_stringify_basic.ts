console.log(JSON.stringify("he said \"hi\"\n\ttab"));
console.log(JSON.stringify(42), JSON.stringify(1.5), JSON.stringify(true), JSON.stringify(-0));
console.log(JSON.stringify([1, 2, 3]), JSON.stringify(["a", "b"]), JSON.stringify([false]));
console.log(JSON.stringify({ b: 1, a: "x", nested: { z: [1, 2] } }));
console.log(JSON.stringify([]), JSON.stringify({}));
console.log(JSON.stringify(Number("x")), JSON.stringify([1 / 0]));
console.log(JSON.stringify("\u0001\u001f\u2028é😀"));
