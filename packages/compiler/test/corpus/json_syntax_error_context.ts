// V8's SyntaxError text for an unexpected character: the whole text below 21 UTF-16 code
// units, else 10 units either side; an astral character is cut to its high surrogate.
const docs = [
  '{"a":[1,2,{"b":tr}]}',
  '{"a":[1,2,{"b":tru}]}',
  '{"a":[1,2,{"b":tru}]} ',
  "[\u{1F600}]",
  "x\u{1F600}",
  "[1,2,3,4,5,6,7,8,9,10,11,\u{1F600}]",
  "[1,2,3,4,5,6,7,8,9,10,11,\u{1F600},1,2,3,4,5,6,7,8,9]",
  "a".repeat(9) + "\u{1F600}" + "b".repeat(10),
  "a".repeat(10) + "\u{1F600}" + "b".repeat(10),
  "[" + "1,".repeat(9) + "\u{1F600}" + "2".repeat(8) + "]",
];
for (const d of docs) {
  try {
    JSON.parse(d) as unknown;
    console.log("ok");
  } catch (e) {
    console.log(d.length, JSON.stringify(e instanceof Error ? e.message : "?"));
  }
}
