interface Node3 {
  value: number;
  next?: Node3;
  meta?: { tags?: string[]; fn?: () => string };
}
const list: Node3 = { value: 1, next: { value: 2, meta: { tags: ["t"], fn: () => "called" } } };
console.log(list.next?.next?.value, list.next?.value, list.next?.meta?.tags?.[0], list.meta?.tags?.length);
console.log(list.next?.meta?.fn?.(), list.meta?.fn?.(), list.next?.next?.meta?.fn?.());
const arr: number[] | undefined = [1, 2];
console.log(arr?.[1], arr?.length, (undefined as number[] | undefined)?.[0]);
const m = new Map<string, { n: number }>([["a", { n: 5 }]]);
console.log(m.get("a")?.n, m.get("b")?.n, m.get("b")?.n ?? -1);
function maybe(s?: string): number | undefined {
  return s?.trim().length;
}
console.log(maybe(" ab "), maybe(), maybe(undefined));
