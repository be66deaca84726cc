class ListNode<T> { next: ListNode<T> | undefined = undefined; constructor(public value: T) {} }
class LinkedList<T> {
  private head: ListNode<T> | undefined;
  private tail: ListNode<T> | undefined;
  size = 0;
  push(v: T): void {
    const n = new ListNode(v);
    if (this.tail) this.tail.next = n; else this.head = n;
    this.tail = n;
    this.size++;
  }
  toArray(): T[] { const out: T[] = []; for (let n = this.head; n !== undefined; n = n.next) out.push(n.value); return out; }
  reverse(): void {
    let prev: ListNode<T> | undefined = undefined, cur = this.head;
    this.tail = cur;
    while (cur) { const next: ListNode<T> | undefined = cur.next; cur.next = prev; prev = cur; cur = next; }
    this.head = prev;
  }
}
const l = new LinkedList<string>();
["a", "b", "c"].forEach((x) => l.push(x));
l.reverse();
console.log(l.toArray(), l.size);
