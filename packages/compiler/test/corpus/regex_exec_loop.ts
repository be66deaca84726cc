const re = /(\w+)=(\d+)/g;
const text = "a=1, bb=22, ccc=333";
let m: RegExpExecArray | null;
while ((m = re.exec(text)) !== null) console.log(m[0], m[1], m[2], m.index, re.lastIndex);
console.log(re.lastIndex, re.exec(text), re.lastIndex);
