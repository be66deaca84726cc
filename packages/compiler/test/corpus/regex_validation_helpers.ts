const patterns: [string, RegExp][] = [["email", /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i], ["ipv4", /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/], ["hex", /^#?[0-9a-f]{6}$/i], ["uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i]];
const inputs = ["a@b.co", "bad@", "192.168.1.255", "256.1.1.1", "#A0b1C2", "123e4567-e89b-12d3-a456-426614174000", "nope"];
for (const i of inputs) console.log(i, patterns.filter(([, re]) => re.test(i)).map(([n]) => n).join(",") || "-");
