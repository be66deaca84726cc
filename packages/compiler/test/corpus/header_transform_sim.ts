interface Rule {
  op: "set" | "remove" | "append";
  name: string;
  value?: string;
}
const headers = new Map<string, string>([["host", "x"], ["x-old", "1"]]);
const rules: Rule[] = [
  { op: "remove", name: "x-old" },
  { op: "set", name: "x-new", value: "v" },
  { op: "append", name: "host", value: "-suffix" },
];
for (const r of rules) {
  switch (r.op) {
    case "remove":
      headers.delete(r.name);
      break;
    case "set":
      headers.set(r.name, r.value ?? "");
      break;
    case "append":
      headers.set(r.name, (headers.get(r.name) ?? "") + (r.value ?? ""));
      break;
  }
}
for (const [k, v] of headers) console.log(`${k}: ${v}`);
