const counts: Record<string, number> = { b: 2, a: 1, "10": 10, "2": 2 };
const text = JSON.stringify(counts);
const back = JSON.parse(text) as Record<string, number>;
console.log(text, Object.keys(back), back["10"], JSON.stringify(back) === text);
const nested = { lists: { x: [1, 2], y: [] as number[] }, flag: false };
console.log(JSON.stringify(JSON.parse(JSON.stringify(nested)) as typeof nested));
