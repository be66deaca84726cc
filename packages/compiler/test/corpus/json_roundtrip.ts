interface Entry {
  key: string;
  value: number;
}
const entries: Entry[] = [];
for (let i = 0; i < 3; i++) entries.push({ key: `k${i}`, value: i * 1.5 });
const text = JSON.stringify(entries);
const back = JSON.parse(text) as Entry[];
console.log(text, String(back.length), back[2]!.key, String(back[2]!.value));
