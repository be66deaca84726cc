const s = "tab\there\nnewline \"quoted\" back\\slash \u00e9 \x41 \u{1F600}";
console.log(s);
console.log(JSON.stringify(s), s.length);
console.log(`template with \`backticks\` and \${not} interpolated ${1 + 1}`);
const multi = `line1
line2`;
console.log(multi.split("\n").length, JSON.stringify(multi));
console.log("\0".length, JSON.stringify("\0\b\f\v\r"), "\u2028".length, JSON.stringify("\u2028\u2029"));
