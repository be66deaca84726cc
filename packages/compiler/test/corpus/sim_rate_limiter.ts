interface Bucket {
  tokens: number;
  last: number;
}
class TokenBucketLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly capacity: number, private readonly refillPerSec: number) {}
  allow(key: string, nowMs: number): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.capacity, last: nowMs };
      this.buckets.set(key, b);
    }
    const elapsed = (nowMs - b.last) / 1000;
    b.tokens = Math.min(this.capacity, b.tokens + elapsed * this.refillPerSec);
    b.last = nowMs;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, b] of this.buckets) out[k] = Math.round(b.tokens * 100) / 100;
    return out;
  }
}
const lim = new TokenBucketLimiter(3, 2);
const events: [string, number][] = [["a", 0], ["a", 10], ["a", 20], ["a", 30], ["b", 40], ["a", 600], ["a", 610], ["a", 2000]];
for (const [k, t] of events) console.log(k, t, lim.allow(k, t));
console.log(JSON.stringify(lim.snapshot()));
