const docs = ["", "{", '{"a":}', "[1,]", "tru", "1 2", '"abc', '{"a" 1}', "[1 2]", '{"a":1 "b"}', '"a\\x"', "-", "1.", "1e", '{"a":1,}', "NaN", "undefined", "01", "x".repeat(30), '{"k": truex}', "[1,2", "\u00e9"];
for (const d of docs) {
  try {
    JSON.parse(d) as unknown;
    console.log("ok");
  } catch (e) {
    console.log(e instanceof SyntaxError, e instanceof Error ? e.message : "?");
  }
}
