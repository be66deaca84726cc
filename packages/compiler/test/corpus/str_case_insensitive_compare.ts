function eqIgnoreCase(a: string, b: string): boolean { return a.toLowerCase() === b.toLowerCase(); }
const headers = ["Content-Type", "content-type", "CONTENT-TYPE", "Content-Length"];
for (const h of headers) console.log(h, eqIgnoreCase(h, "content-type"));
const sorted = [...headers].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
console.log(sorted);
