class Version {
  constructor(readonly major: number, readonly minor: number) {}
  compareTo(other: Version): number {
    return this.major - other.major || this.minor - other.minor;
  }
  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}
function maxOf<T extends { compareTo(o: T): number }>(xs: T[]): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (best === undefined || x.compareTo(best) > 0) best = x;
  return best;
}
const vs = [new Version(1, 2), new Version(2, 0), new Version(1, 10)];
console.log(String(maxOf(vs)), vs.sort((a, b) => a.compareTo(b)).map(String).join(" "));
class Queue<T> {
  private items: T[] = [];
  enqueue(...xs: T[]): number {
    return this.items.push(...xs);
  }
  dequeue(): T | undefined {
    return this.items.shift();
  }
  get length(): number {
    return this.items.length;
  }
}
const q = new Queue<string>();
console.log(q.enqueue("a", "b", "c"), q.dequeue(), q.length);
