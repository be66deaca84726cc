async function risky(k: number): Promise<string> {
  if (k % 2 === 1) throw new Error(`odd ${k}`);
  return `even ${k}`;
}
async function run(): Promise<string[]> {
  const out: string[] = [];
  for (let k = 0; k < 4; k++) {
    try { out.push(await risky(k)); }
    catch (e) { out.push("caught " + (e as Error).message); }
    finally { out.push("f" + k); }
  }
  return out;
}
console.log((await run()).join(" | "));
