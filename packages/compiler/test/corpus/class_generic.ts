class Stack<T> {
  private items: T[] = [];
  push(x: T): void {
    this.items.push(x);
  }
  pop(): T | undefined {
    return this.items.pop();
  }
  peek(): T | undefined {
    return this.items[this.items.length - 1];
  }
  get size(): number {
    return this.items.length;
  }
  toArray(): T[] {
    return this.items.slice();
  }
}
const s = new Stack<number>();
s.push(1);
s.push(2);
s.push(3);
console.log(s.size, s.peek(), s.pop(), s.size);
const names = new Stack<string>();
names.push("a");
names.push("b");
console.log(names.toArray().join("+"), names.pop(), names.pop(), names.pop());
class Pair<A, B> {
  constructor(readonly first: A, readonly second: B) {}
  swap(): Pair<B, A> {
    return new Pair(this.second, this.first);
  }
}
const p = new Pair("x", 1);
const q = p.swap();
console.log(p.first, p.second, q.first, q.second);
console.log(JSON.stringify(q));
