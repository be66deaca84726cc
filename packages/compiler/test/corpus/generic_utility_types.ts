interface User {
  id: number;
  name: string;
  email: string;
}
type UserPatch = Partial<User>;
type PublicUser = Pick<User, "id" | "name">;
type NoEmail = Omit<User, "email">;
const patch: UserPatch = { name: "new" };
const pub: PublicUser = { id: 1, name: "ann" };
const ne: NoEmail = { id: 2, name: "bob" };
console.log(JSON.stringify(patch), JSON.stringify(pub), JSON.stringify(ne));
function applyPatch(u: User, p: UserPatch): User {
  // A Partial's member may be present and undefined ({ id: undefined }), which a plain
  // { ...u, ...p } would copy into a User: each member is merged explicitly.
  return { ...u, ...p, id: p.id ?? u.id, name: p.name ?? u.name, email: p.email ?? u.email };
}
const u: User = { id: 3, name: "cy", email: "c@x" };
console.log(JSON.stringify(applyPatch(u, patch)), JSON.stringify(applyPatch(u, {})));
const ro: Readonly<User> = u;
console.log(ro.name);
const rec: Record<"a" | "b", number> = { a: 1, b: 2 };
console.log(rec.a + rec.b, JSON.stringify(rec));
type Req = Required<UserPatch>;
const full: Req = { id: 9, name: "z", email: "z@z" };
console.log(full);
