function classify(n: number): string[] {
  const out: string[] = [];
  switch (n % 4) {
    case 0: out.push("zero");
    case 1: out.push("one-or-after-zero"); break;
    default: out.push("default");
    case 2: out.push("two-or-after-default");
  }
  return out;
}
for (let i = 0; i < 4; i++) console.log(i, classify(i).join("+"));
function grade(s: string): number {
  switch (s.toLowerCase()) { case "a": return 4; case "b": return 3; case "c": case "d": return 1; default: return 0; }
}
console.log(["A", "b", "D", "z"].map(grade));
