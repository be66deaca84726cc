const config = (() => { const base = 10; return { base, doubled: base * 2 }; })();
console.log(config);
function compose<A, B, C>(f: (b: B) => C, g: (a: A) => B): (a: A) => C { return (a) => f(g(a)); }
const inc = (x: number): number => x + 1;
const str = (x: number): string => `#${x}`;
console.log(compose(str, inc)(41), [1, 2].map(compose(str, inc)));
const pipeline = [inc, (x: number) => x * 3, (x: number) => x - 2];
console.log(pipeline.reduce((acc, f) => f(acc), 5));
