class Service {
  private calls = 0;
  async fetch(key: string): Promise<string> {
    this.calls++;
    if (key === "") throw new TypeError("empty key");
    return `value:${key}`;
  }
  async fetchAll(keys: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const k of keys) {
      try {
        out.push(await this.fetch(k));
      } catch (e) {
        out.push(`error:${e instanceof TypeError ? e.message : "?"}`);
      }
    }
    return out;
  }
  get count(): number {
    return this.calls;
  }
}
const s = new Service();
const vals = await s.fetchAll(["a", "", "b"]);
console.log(vals.join(" "), s.count);
async function retry(times: number): Promise<number> {
  for (let i = 1; i <= times; i++) {
    try {
      if (i < 3) throw new Error("try " + i);
      return i;
    } catch (e) {
      console.log(e instanceof Error ? e.message : "");
    }
  }
  return -1;
}
console.log(await retry(5), await retry(2));
