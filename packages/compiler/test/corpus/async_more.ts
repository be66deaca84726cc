import { sleep } from "@mosn-ts/sdk";
async function step(name: string, ms: number): Promise<string> {
  await sleep(ms);
  console.log("done", name);
  return name.toUpperCase();
}
async function pipeline(): Promise<string[]> {
  const out: string[] = [];
  out.push(await step("one", 2));
  out.push(await step("two", 1));
  return out;
}
async function twice(x: number): Promise<number> {
  return x * 2;
}
async function chained(): Promise<number> {
  return twice(await twice(3));
}
console.log("begin");
const result = await pipeline();
console.log(result.join(","));
console.log(await chained());
const arrow = async (): Promise<void> => {
  await sleep(1);
  console.log("arrow done");
};
await arrow();
for (const n of [1, 2]) console.log("loop", await twice(n));
console.log("end");
