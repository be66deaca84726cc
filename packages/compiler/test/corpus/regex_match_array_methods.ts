// A match result with a group that did not take part (undefined): slice reads only the
// groups it returns; callbacks declaring `string | undefined` see the unmatched group.
const m = /^(a)(b)?(c)?$/.exec("ac");
if (m) {
  console.log(m.slice(1, 2), m.slice(-1), m.slice(3), m.length);
  console.log(m.includes("b"), m.includes("c"), m.join("|"), m.at(2), m.indexOf("c"));
  const shown = m.map((g: string | undefined) => g ?? "-");
  console.log(shown, shown.join(""));
  m.forEach((g: string | undefined, i) => console.log(i, g === undefined ? "unmatched" : g));
  const present = m.filter((g: string | undefined) => g !== undefined);
  console.log(present.length, m.some((g: string | undefined) => g === undefined));
  console.log(m.findIndex((g: string | undefined) => g === undefined), m.find((g: string | undefined) => g === "c"));
}
const none = /^(x)(y)?$/.exec("z");
console.log(none?.map((g) => g.length), none === null);
// Every group took part: callbacks reading plain strings work.
const hit = "key=v".match(/^(\w+)=(\w+)$/);
console.log(hit?.map((g) => g.toUpperCase()), hit?.slice(1), hit?.every((g) => g.length > 0));
hit?.forEach((g, i) => console.log(i, g));
// An unmatched group where a callback reads strings: refused rather than passed as undefined.
const partial = "k=".match(/^(\w+)=(\w+)?$/);
try {
  console.log(partial?.map((g) => g.length));
} catch (e) {
  console.log("refused:", e instanceof TypeError);
}
