function describe(n: number): string {
  switch (n) {
    case 0:
      return "zero";
    case 1:
    case 2:
      return "small";
    default:
      return "big";
  }
}
for (const n of [0, 1, 2, 3]) console.log(describe(n));
function fall(s: string): string {
  let out = "";
  switch (s) {
    case "a":
      out += "A";
    case "b":
      out += "B";
      break;
    case "c":
      out += "C";
      break;
    default:
      out += "?";
  }
  return out;
}
console.log(fall("a"), fall("b"), fall("c"), fall("d"));
