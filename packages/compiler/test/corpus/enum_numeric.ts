enum Color {
  Red,
  Green,
  Blue = 10,
  Purple,
}
enum Flags {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Exec = 1 << 2,
  All = Read | Write | Exec,
}
function colorName(c: Color): string {
  switch (c) {
    case Color.Red:
      return "red";
    case Color.Green:
      return "green";
    case Color.Blue:
      return "blue";
    default:
      return "other";
  }
}
console.log(Color.Red, Color.Green, Color.Blue, Color.Purple);
console.log(colorName(Color.Green), colorName(Color.Purple));
const perms = Flags.Read | Flags.Exec;
console.log(perms, (perms & Flags.Write) !== 0, (perms & Flags.Exec) !== 0, Flags.All);
const list: Color[] = [Color.Blue, Color.Red];
console.log(list, JSON.stringify({ c: Color.Purple }));
let c: Color = Color.Red;
c = Color.Blue;
console.log(c === Color.Blue, c > Color.Green, c + 1);
