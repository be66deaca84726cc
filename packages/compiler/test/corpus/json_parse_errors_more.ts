const bad = ["", " ", "{", "[1,]", '{"a":1,}', "tru", "nul", "01", "1.", ".5", "-", '"\\x"', '"abc', "{'a':1}", "[1 2]", "1 2", '"\u0001"', "NaN", "Infinity", "[", '{"a"}', "\"\\ud800\""];
for (const b of bad) {
  try { const v = JSON.parse(b) as unknown; console.log(JSON.stringify(b), "ok", typeof v); }
  catch (e) { console.log(JSON.stringify(b), (e as Error).name, (e as Error).message); }
}
