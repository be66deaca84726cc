console.log(2 ** 10, 2 ** -1, 2 ** 0.5, (-2) ** 3, 10 ** 21, 10 ** -5, 3 ** 40, 2 ** 1023 * 2, 7 ** 2, 1.5 ** 2);
console.log(Math.pow(2, 52), Math.pow(4, 0.5), Math.pow(-8, 2), Math.pow(0, -1), Math.pow(-0, -1), Math.pow(NaN, 0));
let p = 3;
p **= 3;
console.log(p, 2 ** 3 ** 2, (2 ** 3) ** 2);
