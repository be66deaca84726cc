function countOccurrences(s: string, sub: string): number {
  if (sub === "") return s.length + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}
console.log(countOccurrences("abababa", "aba"), countOccurrences("aaaa", "a"), countOccurrences("xyz", ""), countOccurrences("", "a"));
function capitalize(w: string): string { return w.length === 0 ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase(); }
console.log("hELLO wORLD foo".split(" ").map(capitalize).join(" "));
function reverse(s: string): string { return [...s].reverse().join(""); }
console.log(reverse("abc😀d"), reverse(""));
