enum Perm { None = 0, Read = 1 << 0, Write = 1 << 1, Exec = 1 << 2, All = Read | Write | Exec }
function describe(p: number): string {
  const parts: string[] = [];
  if (p & Perm.Read) parts.push("r");
  if (p & Perm.Write) parts.push("w");
  if (p & Perm.Exec) parts.push("x");
  return parts.join("") || "-";
}
console.log(describe(Perm.Read | Perm.Exec), describe(Perm.None), describe(Perm.All), Perm.All, (Perm.All & ~Perm.Write) === (Perm.Read | Perm.Exec));
