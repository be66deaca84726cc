console.log(/^.$/u.test("😀"), /😀/u.test("a😀b"), "😀x😀".replace(/😀/gu, "E"));
console.log(/straße/i.test("STRASSE"), /ÄÖÜ/i.test("äöü"), /k/i.test("\u212a"), /k/iu.test("\u212a"));
console.log("Hello World".match(/o/g), "Hello".match(/z/g), "Hello".match(/l+/)?.[0]);
