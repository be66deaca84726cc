const vals = [0, -0, 1.5, -1.5, 1e21, 1e-7, 123456789, 0.1, NaN, Infinity, -Infinity, 2 ** 53 + 2];
console.log(vals.map((v) => String(v)).join(" "));
console.log(vals.map((v) => v.toString(2)).slice(0, 6).join(" "));
console.log((255).toString(16), (255).toString(36), (-255).toString(2), (0.5).toString(2), (3.75).toString(8), (1e21).toString(36));
console.log(+"42", +"", +" 7 ", +"abc", -"3", +"1e3");
