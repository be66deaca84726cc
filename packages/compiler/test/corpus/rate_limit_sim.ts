class Limiter {
  private readonly counts = new Map<string, number>();
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  allow(key: string): boolean {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.limit;
  }
  reset(): void {
    this.counts.clear();
  }
}
const lim = new Limiter(2);
const results: string[] = [];
for (const k of ["a", "a", "b", "a", "b", "b"]) results.push(`${k}:${lim.allow(k) ? "ok" : "429"}`);
console.log(results.join(" "));
lim.reset();
console.log(String(lim.allow("a")));
