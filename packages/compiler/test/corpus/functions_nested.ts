function outer(x: number): number {
  function helper(y: number): number {
    return y + x;
  }
  const twice = (y: number) => helper(helper(y));
  return twice(1);
}
console.log(String(outer(10)));
