console.log("before");
function boom(): void {
  throw new Error("boom");
}
boom();
console.log("after");
