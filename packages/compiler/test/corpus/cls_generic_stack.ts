class Stack<T> {
  private items: T[] = [];
  push(...xs: T[]): this { this.items.push(...xs); return this; }
  pop(): T | undefined { return this.items.pop(); }
  peek(): T | undefined { return this.items[this.items.length - 1]; }
  get size(): number { return this.items.length; }
  isEmpty(): boolean { return this.items.length === 0; }
}
const s = new Stack<number>().push(1, 2, 3);
console.log(s.pop(), s.peek(), s.size, s.isEmpty());
const t = new Stack<string>();
console.log(t.pop(), t.peek(), t.isEmpty());
function balanced(expr: string): boolean {
  const st = new Stack<string>();
  const pairs: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
  for (const ch of expr) {
    if ("([{".includes(ch)) st.push(ch);
    else if (ch in pairs) { if (st.pop() !== pairs[ch]) return false; }
  }
  return st.isEmpty();
}
console.log(balanced("{[()]}"), balanced("([)]"), balanced("(("), balanced(""));
