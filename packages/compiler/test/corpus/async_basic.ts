async function double(n: number): Promise<number> {
  return n * 2;
}
async function sumDoubles(xs: number[]): Promise<number> {
  let total = 0;
  for (const x of xs) total += await double(x);
  return total;
}
async function mayFail(fail: boolean): Promise<string> {
  if (fail) throw new Error("failed");
  return "fine";
}
async function main(): Promise<void> {
  console.log("start");
  console.log(await double(21));
  console.log(await sumDoubles([1, 2, 3]));
  try {
    console.log(await mayFail(false));
    console.log(await mayFail(true));
  } catch (e) {
    console.log("caught", e instanceof Error ? e.message : "?");
  } finally {
    console.log("finally");
  }
  const f = async (s: string): Promise<number> => s.length;
  console.log(await f("four"));
  console.log("end");
}
await main();
console.log("after main");
