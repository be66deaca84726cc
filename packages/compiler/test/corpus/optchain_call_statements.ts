const arr: number[] | undefined = [1, 2];
arr?.push(3);
const none: number[] | undefined = undefined as number[] | undefined;
none?.push(4);
const map: Map<string, number> | undefined = new Map();
map?.set("a", 1);
map?.delete("a");
map?.set("b", 2);
const set: Set<number> | undefined = new Set();
set?.add(5);
arr?.forEach((x) => console.log(x));
class C {
  cache?: Map<string, number> = new Map();
  put(k: string, v: number): void {
    this.cache?.set(k, v);
  }
}
const c = new C();
c.put("x", 1);
interface O { list?: string[] }
const obj: O = { list: [] };
obj.list?.push("y");
const obj2: O = {};
obj2.list?.push("z");
console.log(arr, map, set, c.cache, obj, obj2);
interface Deep { inner?: { items?: number[] } }
const deep: Deep = { inner: { items: [1] } };
deep.inner?.items?.push(2);
const shallow: Deep = { inner: {} };
shallow.inner?.items?.push(3);
const lists: number[][] = [[1]];
lists[0]?.push(9);
lists[5]?.push(9);
const removed = map?.delete("b");
const pushed = arr?.push(10);
console.log(deep, shallow, lists, removed, pushed);
