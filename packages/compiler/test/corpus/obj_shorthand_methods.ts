interface Counter { inc: () => void; get: () => number; add: (n: number) => Counter }
function makeCounter(): Counter {
  let count = 0;
  const c: Counter = {
    inc() { count++; },
    get() { return count; },
    add(n) { count += n; return c; },
  };
  return c;
}
const c = makeCounter();
c.inc(); c.inc();
console.log(c.get(), c.add(5).add(1).get());
const x = 5, y = "why";
const short = { x, y };
console.log(short);
