function g(): number {
  try { return 1; } finally { console.log("finally runs before return"); }
}
function h(): number {
  // eslint-disable-next-line no-unsafe-finally
  try { throw new Error("lost"); } finally { return 2; }
}
function k(): string {
  let s = "a";
  try { return s; } finally { s = "b"; }
}
console.log(g(), h(), k());
