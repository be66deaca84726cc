const v = -3.7;
console.log(String(Math.floor(v)), String(Math.ceil(v)), String(Math.round(v)), String(Math.trunc(v)), String(Math.abs(v)));
console.log(String(Math.round(2.5)), String(Math.round(-2.5)), String(Math.round(0.49999999999999994)));
console.log(String(Math.max(1, 5, 3)), String(Math.min(4, 2, 8)), String(Math.sqrt(16)), String(Math.pow(2, 10)));
console.log(String(Math.sign(-4)), String(Math.PI), String(Math.E));
const r = Math.random();
console.log(r >= 0 && r < 1 ? "random ok" : "random bad");
