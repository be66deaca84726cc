enum Method {
  Get = "GET",
  Post = "POST",
  Delete = "DELETE",
}
const enum Level {
  Low = "low",
  High = "high",
}
function allowed(m: Method): boolean {
  return m === Method.Get || m === Method.Post;
}
console.log(Method.Get, allowed(Method.Delete), allowed(Method.Post));
const byMethod = new Map<Method, number>([
  [Method.Get, 1],
  [Method.Post, 2],
]);
console.log(byMethod.get(Method.Post), byMethod.has(Method.Delete));
const lv: Level = Level.High;
console.log(lv, `level=${lv}`, lv.toUpperCase());
interface Route {
  method: Method;
  path: string;
}
const r: Route = { method: Method.Delete, path: "/x" };
console.log(JSON.stringify(r), r);
