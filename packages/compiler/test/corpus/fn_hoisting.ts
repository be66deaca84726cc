console.log(double(21), isEven(10), isOdd(7));
function double(x: number): number { return x * 2; }
function isEven(n: number): boolean { return n === 0 ? true : isOdd(n - 1); }
function isOdd(n: number): boolean { return n === 0 ? false : isEven(n - 1); }
