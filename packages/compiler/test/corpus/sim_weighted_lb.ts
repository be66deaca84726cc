interface Backend { name: string; weight: number; healthy: boolean }
class SmoothWRR {
  private current = new Map<string, number>();
  constructor(private backends: Backend[]) {}
  next(): string | undefined {
    const live = this.backends.filter((b) => b.healthy && b.weight > 0);
    if (live.length === 0) return undefined;
    const total = live.reduce((s, b) => s + b.weight, 0);
    let best: Backend | undefined;
    for (const b of live) {
      const c = (this.current.get(b.name) ?? 0) + b.weight;
      this.current.set(b.name, c);
      if (!best || c > (this.current.get(best.name) ?? 0)) best = b;
    }
    this.current.set(best!.name, (this.current.get(best!.name) ?? 0) - total);
    return best!.name;
  }
}
const bs: Backend[] = [{ name: "a", weight: 5, healthy: true }, { name: "b", weight: 1, healthy: true }, { name: "c", weight: 1, healthy: true }];
const lb = new SmoothWRR(bs);
console.log(Array.from({ length: 14 }, () => lb.next()).join(""));
bs[0]!.healthy = false;
console.log(Array.from({ length: 4 }, () => lb.next()).join(""));
