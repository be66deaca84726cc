const text = "It was the best of times, it was the worst of times, it was the age of wisdom";
const freq: Record<string, number> = {};
for (const raw of text.toLowerCase().split(/\W+/)) {
  if (!raw) continue;
  freq[raw] = (freq[raw] ?? 0) + 1;
}
const top = Object.entries(freq)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, 4);
console.log(top);
console.log(Object.keys(freq).length, freq["was"], freq["nothing"] ?? 0);
const byLen: Record<number, string[]> = {};
for (const w of Object.keys(freq)) (byLen[w.length] ??= []).push(w);
console.log(JSON.stringify(byLen));
