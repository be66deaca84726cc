interface Conf {
  name: string;
  port: number;
  debug?: boolean;
  hosts: string[];
  mode: "a" | "b";
}
const c = JSON.parse('{"name":"x","port":8080,"hosts":["h1","h2"],"mode":"b"}') as Conf;
console.log(c.name, String(c.port), String(c.debug === undefined), c.hosts.join("|"), c.mode);
const d: Conf = JSON.parse('{"name":"y","port":1.5,"debug":true,"hosts":[],"mode":"a"}');
console.log(JSON.stringify(d));
const nums = JSON.parse("[1, 2.5, -3e2]") as number[];
console.log(String(nums.length), String(nums[2]));
const s = JSON.parse('"\\u00e9\\n"') as string;
console.log(String(s.length));
