interface Consumer {
  name: string;
  tier: string;
}
interface Config {
  keys: { key: string; consumer: string; tier: string }[];
}
const config: Config = {
  keys: [
    { key: "k1", consumer: "alice", tier: "gold" },
    { key: "k2", consumer: "bob", tier: "free" },
  ],
};
const byKey = new Map<string, Consumer>();
for (const k of config.keys) byKey.set(k.key, { name: k.consumer, tier: k.tier });
function authenticate(header: string | undefined): string {
  if (header === undefined || header.trim() === "") return "401 missing";
  const c = byKey.get(header.trim());
  if (!c) return "403 unknown";
  return `200 ${c.name} (${c.tier})`;
}
for (const h of [undefined, "", "k1", " k2 ", "k3"]) console.log(authenticate(h));
