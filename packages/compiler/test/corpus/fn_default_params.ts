let counter = 0;
function nextId(): number { return ++counter; }
function make(name: string, id = nextId(), tags: string[] = [], label = `${name}#${id}`): string { return `${label} [${tags.join(",")}]`; }
console.log(make("a"), make("b", 10), make("c", undefined, ["x"]), make("d", 5, [], "custom"), counter);
function opt(a: number, b?: number): number { return b === undefined ? a : a + b; }
console.log(opt(1), opt(1, 2), opt(1, undefined));
