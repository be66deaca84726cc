const xs = [0, -0, NaN, 1];
console.log(xs.includes(-0), xs.indexOf(-0), xs.lastIndexOf(0), xs.includes(NaN), xs.indexOf(NaN));
console.log([1, 2, 3].includes(2, 2), [1, 2, 3].includes(3, -1), ["a"].includes("A"));
