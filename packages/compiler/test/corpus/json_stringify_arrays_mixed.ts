const rows: (string | number | boolean | null)[][] = [["a", 1, true], [null, -0, false], []];
console.log(JSON.stringify(rows));
console.log(JSON.stringify(rows, null, 1));
const sparse = [undefined, 1] as (number | undefined)[];
console.log(JSON.stringify(sparse), JSON.stringify({ a: [undefined] as (number | undefined)[] }));
