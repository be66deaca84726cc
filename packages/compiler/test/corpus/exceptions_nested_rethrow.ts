function inner(): void {
  try {
    throw new Error("inner");
  } catch (e) {
    console.log("inner caught");
    throw e;
  }
}
try {
  inner();
} catch (e) {
  console.log("outer caught", e instanceof Error ? e.message : "?");
}
try {
  throw "a string";
} catch (e) {
  console.log(String(e));
}
