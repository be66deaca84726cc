function f(flag: boolean): string {
  try {
    if (flag) return "early";
    console.log("body");
  } finally {
    console.log("finally");
  }
  return "late";
}
console.log(f(true));
console.log(f(false));
function g(): number {
  let n = 0;
  try {
    n = 1;
    throw new Error("x");
  } catch (e) {
    n = 2;
    return n;
  } finally {
    console.log(`g finally ${n}`);
  }
}
console.log(String(g()));
