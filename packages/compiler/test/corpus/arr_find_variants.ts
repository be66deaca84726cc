const xs = [5, 12, 8, 130, 44];
console.log(xs.find((x) => x > 10), xs.findIndex((x) => x > 10), xs.findLast((x) => x > 10), xs.findLastIndex((x) => x > 10));
console.log(xs.find((x) => x > 1000), xs.findIndex((x) => x > 1000), xs.findLast((x) => x < 0), xs.findLastIndex((x) => x < 0));
console.log(xs.some((x) => x % 2 === 1), xs.every((x) => x > 4), [].every((x) => x), ([] as number[]).some((x) => x > 0));
console.log(xs.indexOf(8), xs.lastIndexOf(44), xs.includes(130), xs.indexOf(8, 3), xs.at(-1), xs.at(9));
