const s = "hey";
const first = s[0];
const tenth = s[10];
console.log(first, tenth, tenth === undefined, s[0] ?? "none", s[5] ?? "none");
const chars: string[] = [];
for (let i = 0; i <= s.length; i++) chars.push(s[i] ?? "<end>");
console.log(chars.join(","));
const maybe: string | undefined = s.at(-4);
console.log(maybe === undefined ? "no char" : maybe);
