function risky(n: number): number {
  if (n < 0) throw new Error("negative: " + n);
  return n * 2;
}
try {
  console.log(String(risky(2)));
  console.log(String(risky(-1)));
  console.log("not reached");
} catch (e) {
  if (e instanceof Error) console.log("caught", e.message, e.name);
}
try {
  throw new TypeError("bad type");
} catch (e) {
  console.log(e instanceof Error ? String(e) : "other");
}
