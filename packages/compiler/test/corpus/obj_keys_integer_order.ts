const r: Record<string, number> = {};
r["b"] = 1; r["10"] = 2; r["a"] = 3; r["2"] = 4; r["-1"] = 5; r["01"] = 6; r["4294967295"] = 7; r["4294967294"] = 8; r["1.5"] = 9;
console.log(Object.keys(r).join(","));
console.log(JSON.stringify(r));
const seen: string[] = [];
for (const k in r) seen.push(k);
console.log(seen.join(" "));
console.log(Object.entries(r).map(([k, v]) => `${k}=${v}`).join("&"));
