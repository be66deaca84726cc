function thrower(k: number): void {
  if (k === 0) throw "a string";
  if (k === 1) throw 42;
  if (k === 2) throw new RangeError("range");
  if (k === 3) throw { code: 7 };
}
for (let k = 0; k < 5; k++) {
  try { thrower(k); console.log(k, "none"); }
  catch (e) {
    if (typeof e === "string") console.log(k, "string", e);
    else if (typeof e === "number") console.log(k, "number", e + 1);
    else if (e instanceof Error) console.log(k, "error", e.name, e.message);
    else console.log(k, "other", typeof e);
  }
}
