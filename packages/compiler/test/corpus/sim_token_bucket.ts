class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(private capacity: number, private refillPerSec: number, now: number) { this.tokens = capacity; this.last = now; }
  take(now: number, cost = 1): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSec);
    this.last = now;
    if (this.tokens >= cost) { this.tokens -= cost; return true; }
    return false;
  }
  get available(): number { return Math.floor(this.tokens * 1000) / 1000; }
}
const b = new TokenBucket(3, 2, 0);
const log: string[] = [];
for (const t of [0, 10, 20, 30, 40, 600, 610, 2000, 2001, 2002, 2003, 2004]) log.push(`${t}:${b.take(t) ? "ok" : "no"}(${b.available})`);
console.log(log.join(" "));
