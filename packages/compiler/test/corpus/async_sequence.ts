async function step(name: string, n: number): Promise<number> {
  console.log("start", name);
  const r = n * 2;
  console.log("end", name);
  return r;
}
async function main(): Promise<void> {
  const a = await step("a", 1);
  const b = await step("b", a);
  const c = await step("c", b);
  console.log(a, b, c);
}
await main();
console.log("done");
