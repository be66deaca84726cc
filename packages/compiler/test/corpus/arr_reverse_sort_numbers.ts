const nums = [10, 9, 1, 100, 25, -3, 0.5];
console.log([...nums].sort(), [...nums].sort((a, b) => a - b), [...nums].sort((a, b) => b - a));
console.log(nums.toSorted((a, b) => a - b), nums.toReversed(), nums);
const r = [1, 2, 3];
console.log(r.reverse(), r);
console.log([true, false, true].sort(), [undefined, 3, 1].sort());
