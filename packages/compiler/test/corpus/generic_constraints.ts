interface HasId {
  id: number;
}
interface User extends HasId {
  name: string;
}
interface Order extends HasId {
  total: number;
}
function byId<T extends HasId>(xs: T[], id: number): T | undefined {
  return xs.find((x) => x.id === id);
}
function ids<T extends HasId>(xs: T[]): number[] {
  return xs.map((x) => x.id);
}
const users: User[] = [{ id: 1, name: "ann" }, { id: 2, name: "bob" }];
const orders: Order[] = [{ id: 10, total: 5.5 }];
console.log(byId(users, 2)?.name, byId(orders, 10)?.total, byId(users, 9));
console.log(ids(users), ids(orders));
function maxBy<T>(xs: T[], score: (x: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const x of xs) {
    const s = score(x);
    if (s > bestScore) {
      best = x;
      bestScore = s;
    }
  }
  return best;
}
console.log(maxBy(users, (u) => u.name.length)?.name, maxBy([3, 9, 2], (n) => n));
