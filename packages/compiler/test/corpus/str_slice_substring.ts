const s = "abcdefghij";
console.log(s.slice(2, 5), s.slice(-3), s.slice(5, 2), s.slice(-100, 3), s.slice(3, -3), s.slice(NaN), s.slice(2.7, 5.2));
console.log(s.substring(2, 5), s.substring(5, 2), s.substring(-3), s.substring(3, -3), s.substring(NaN, 4), s.substring(8, 100));
const e = "a😀b";
console.log(e.slice(1, 2).length, e.slice(1, 3), e.substring(2), JSON.stringify(e.slice(2, 3)));
console.log("x".slice(1), "".slice(0, 5) === "", s.substr(2, 3), s.substr(-4, 2));
