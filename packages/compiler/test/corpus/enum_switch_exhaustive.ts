enum Method { Get = "GET", Post = "POST", Delete = "DELETE" }
function safe(m: Method): boolean {
  switch (m) {
    case Method.Get: return true;
    case Method.Post:
    case Method.Delete: return false;
  }
}
function parse(s: string): Method | undefined {
  for (const m of Object.values(Method)) if (m === s) return m;
  return undefined;
}
console.log(safe(Method.Get), safe(Method.Delete), parse("POST"), parse("PUT"), Object.keys(Method), Object.values(Method));
