const data = [3, 1, 4, 1, 5, 9, 2, 6];
const result = data
  .map((x, i) => ({ x, i }))
  .filter((e) => e.x % 2 === 1)
  .sort((a, b) => b.x - a.x || a.i - b.i)
  .slice(0, 3)
  .map((e) => `${e.x}@${e.i}`);
console.log(result);
console.log(data.slice().sort((a, b) => a - b).filter((x, i, arr) => i === 0 || arr[i - 1] !== x));
