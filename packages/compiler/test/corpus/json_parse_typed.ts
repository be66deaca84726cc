interface Settings {
  name: string;
  port: number;
  debug?: boolean;
  tags: string[];
  limits: { rps: number; burst?: number };
  mode: "a" | "b";
}
const text = '{"port":8080,"name":"svc","extra":{"deep":[1,2]},"tags":["x","y"],"limits":{"rps":10},"mode":"b"}';
const s = JSON.parse(text) as Settings;
console.log(s.name, s.port, s.debug, s.tags.length, s.limits.rps, s.limits.burst, s.mode);
console.log(JSON.stringify(s));
console.log(Object.keys(s));
console.log(s);
s.debug = true;
console.log(JSON.stringify(s));
const bad = ['{"name":1', "{", '[1,]'];
for (const b of bad) {
  try {
    JSON.parse(b) as Settings;
    console.log("parsed");
  } catch (e) {
    console.log(e instanceof SyntaxError ? "syntax" : "other");
  }
}
