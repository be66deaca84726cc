class Queue<T> {
  private items: T[] = [];
  enqueue(x: T): void { this.items.push(x); }
  dequeue(): T | undefined { return this.items.shift(); }
  get length(): number { return this.items.length; }
}
const q = new Queue<number>();
q.enqueue(1); q.enqueue(2); q.enqueue(3);
console.log(q.dequeue(), q.length);
const qs = new Queue<string>();
qs.enqueue("z");
console.log(qs.dequeue(), qs.dequeue(), qs.length);
