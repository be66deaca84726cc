const re = /(?<year>\d{4})-(?<month>\d{2})(?:-(?<day>\d{2}))?/;
const m = re.exec("on 2024-03 and 2025-12-31");
if (m) {
  console.log(m[0], m[1], m[2], m[3], m.groups?.["year"], m.groups?.["day"]);
  console.log(m);
}
const all = [..."a1 b22 c333".matchAll(/([a-z])(\d+)/g)];
for (const x of all) console.log(x[0], x[1], x[2], x.index);
console.log("2024-05".replace(re, "$<month>/$<year>"));
console.log("x-1 y-2".replace(/(\w)-(\d)/g, (match: string, letter: string | undefined, digit: string | undefined) => `${digit}${letter}`));
const opt = /a(b)?c/.exec("ac");
console.log(opt?.[1], opt?.[1] === undefined, opt?.length);
console.log("ac abc".replace(/a(b)?c/g, "[$1]"));
