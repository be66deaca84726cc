function b64url(s: string): string {
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function unb64url(s: string): string {
  let t = s.replace(/-/g, "+").replace(/_/g, "/");
  while (t.length % 4 !== 0) t += "=";
  return atob(t);
}
interface Claims {
  sub: string;
  exp: number;
  roles: string[];
  aud?: string;
}
function encode(c: Claims): string {
  return `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(c))}.`;
}
function decode(token: string): Claims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(unb64url(parts[1]!)) as Claims;
  } catch {
    return undefined;
  }
}
const tok = encode({ sub: "user-1", exp: 1700000000, roles: ["admin", "ops"] });
console.log(tok);
const c = decode(tok);
console.log(c?.sub, c?.exp, c?.roles.join("|"), c?.aud ?? "no-aud");
console.log(decode("bad"), decode("a.b.c"));
console.log(JSON.stringify(decode(encode({ sub: "s", exp: 1, roles: [], aud: "x" }))!));
