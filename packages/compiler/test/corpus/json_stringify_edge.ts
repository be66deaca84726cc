const obj = { s: "quote\" back\\ nl\n tab\t ctrl\u0001 uni\u2028 emoji😀", n: [0, -0, 1.5, 1e21, 1e-7, NaN, Infinity], b: [true, false], nul: null, nested: { a: [] as number[], o: {} } };
console.log(JSON.stringify(obj));
console.log(JSON.stringify(obj, null, 2));
console.log(JSON.stringify(obj, null, "--"));
console.log(JSON.stringify([[], {}, [[]]], null, 4));
console.log(JSON.stringify("\ud800"), JSON.stringify("a\u007fb"), JSON.stringify({ "key with space": 1, "": 2 }));
console.log(JSON.stringify(new Map([["a", 1]])), JSON.stringify(new Set([1])), JSON.stringify(/re/g));
console.log(JSON.stringify([undefined, null, 1]), JSON.stringify({ a: undefined, b: 1 }));
class Money {
  constructor(private cents: number) {}
  toJSON(): string {
    return `$${(this.cents / 100).toFixed(2)}`;
  }
}
console.log(JSON.stringify({ price: new Money(1234) }), JSON.stringify([new Money(5)]));
console.log(JSON.stringify(new Uint8Array([1, 2])));
