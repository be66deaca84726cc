const xs: number[] = [];
for (let i = 0; i < 30; i++) xs.push(i * 7);
console.log(xs);
const words: string[] = [];
for (let i = 0; i < 12; i++) words.push("word" + i);
console.log(words);
console.log({ alpha: "aaaaaaaaaaaaaaa", beta: "bbbbbbbbbbbbbbbbb", gamma: "ccccccccccccccccc", delta: 12345 });
