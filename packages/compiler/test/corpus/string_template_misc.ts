const n = 3;
const items = ["a", "b"];
const obj = { k: 1 };
console.log(`n=${n} items=${items} obj=${obj} nested=${`inner ${n * 2}`} bool=${n > 2} undef=${undefined} null=${null}`);
console.log(`multi
line ${"template"}`);
console.log(`escapes: \` \${ \\ \n done`);
const tag = `${1}${2}${3}`;
console.log(tag, tag.length, `${-0}`, `${[1, [2, 3]]}`, `${new Map<string, number>()}`);
const price = 1234.5;
console.log(`$${price.toFixed(2)} / ${(price / 3).toPrecision(4)}`);
