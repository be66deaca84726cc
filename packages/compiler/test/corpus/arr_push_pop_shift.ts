const a: number[] = [];
console.log(a.push(1, 2, 3), a.unshift(0, -1), a, a.pop(), a.shift(), a, a.length);
const empty: string[] = [];
console.log(empty.pop(), empty.shift(), empty.length);
const q = ["a", "b"];
while (q.length > 0) { const x = q.shift(); console.log("took", x); if (x === "a") q.push("c"); }
