class Node2 {
  next: Node2 | null = null;
  constructor(readonly value: number) {}
}
const a = new Node2(1);
const b = new Node2(2);
a.next = b;
b.next = a;
console.log(a.next === b, b.next === a, a.next.next === a, a === b);
let n: Node2 | null = a;
let steps = 0;
while (n !== null && steps < 5) {
  console.log(n.value);
  n = n.next;
  steps++;
}
const set = new Set<Node2>([a, b, a]);
console.log(set.size, set.has(b));
const m = new Map<Node2, string>();
m.set(a, "first");
m.set(b, "second");
console.log(m.get(a), m.get(b), m.get(new Node2(1)));
