class Store {
  private data = new Map<string, string>();
  async put(k: string, v: string): Promise<void> { this.data.set(k, v); }
  async get(k: string): Promise<string | undefined> { return this.data.get(k); }
  async keys(): Promise<string[]> { return [...this.data.keys()]; }
}
const s = new Store();
await s.put("a", "1");
await s.put("b", "2");
console.log(await s.get("a"), await s.get("z"), await s.keys());
const v = (await s.get("b")) ?? "none";
console.log(v.padStart(3, "*"));
