const errs: Error[] = [new Error("m1"), new TypeError("m2"), new RangeError("m3"), new SyntaxError("m4"), new Error(), new Error("")];
for (const e of errs) console.log(e.name, JSON.stringify(e.message), String(e), `${e}`, e instanceof TypeError, e instanceof Error);
const e = new Error("changed");
e.message = "updated";
e.name = "Custom";
console.log(String(e), e.toString());
