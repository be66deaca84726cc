const s = "a😀bé👍🏽";
const units: string[] = [];
for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i).toString(16));
console.log(s.length, units.join(" "));
const points: string[] = [];
for (const ch of s) points.push(ch);
console.log(points.length, points.join("|"), [...s].length, Array.from(s).reverse().join(""));
const lone = "\ud800x";
console.log(lone.length, [...lone].length, JSON.stringify(lone));
