function parse(s: string): number {
  const n = Number(s);
  if (Number.isNaN(n)) throw new SyntaxError(`not a number: ${s}`);
  if (n < 0) throw new RangeError("negative");
  return n;
}
const inputs = ["1", "x", "-3", "4"];
let sum = 0;
for (const s of inputs) {
  try {
    sum += parse(s);
  } catch (e) {
    if (e instanceof SyntaxError) console.log("syntax:", e.message);
    else if (e instanceof RangeError) console.log("range:", e.message, e.name);
    else throw e;
  }
}
console.log(sum);
function wrap(): void {
  try {
    throw { code: 42, reason: "object thrown" };
  } catch (e) {
    const o = e as { code: number; reason: string };
    console.log(o.code, o.reason);
  }
  try {
    throw 7;
  } catch (e) {
    console.log(typeof e, e === 7);
  }
  try {
    throw null;
  } catch (e) {
    console.log(e === null, String(e));
  }
}
wrap();
const err = new Error("with message");
console.log(err.name, err.message, String(err), `${err}`);
const te = new TypeError();
console.log(te.message === "", String(te));
