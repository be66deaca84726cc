function makeCounter(): () => number {
  let count = 0;
  return () => {
    count++;
    return count;
  };
}
const c1 = makeCounter();
const c2 = makeCounter();
c1();
c1();
console.log(String(c1()), String(c2()));
