interface Item { id: number; name: string | null; tags?: string[] | null; score: number | string }
const items = JSON.parse('[{"id":1,"name":null,"score":5},{"id":2,"name":"b","tags":null,"score":"high"},{"id":3,"name":"c","tags":["t"],"score":0}]') as Item[];
for (const it of items) {
  const score = typeof it.score === "number" ? it.score * 2 : it.score.toUpperCase();
  console.log(it.id, it.name ?? "(null)", it.tags === null ? "null tags" : it.tags === undefined ? "no tags" : it.tags.join(","), score);
}
console.log(JSON.stringify(items));
