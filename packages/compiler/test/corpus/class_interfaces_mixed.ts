interface Greeter {
  greet(name: string): string;
}
interface Named {
  name: string;
  describe: () => string;
}
class Polite implements Greeter {
  greet(name: string): string {
    return `Good day, ${name}`;
  }
}
class Casual implements Greeter {
  constructor(private readonly emoji: string) {}
  greet(name: string): string {
    return `hey ${name} ${this.emoji}`;
  }
}
const greeters: Greeter[] = [new Polite(), new Casual("👋")];
for (const g of greeters) console.log(g.greet("sam"));
const thing: Named = { name: "widget", describe: () => "a widget" };
console.log(thing.name, thing.describe());
const things: Named[] = [thing, { name: "gadget", describe: () => `gadget of ${thing.name}` }];
console.log(things.map((t) => t.describe()).join("; "));
function greetAll(g: Greeter, names: string[]): string[] {
  return names.map((n) => g.greet(n));
}
console.log(greetAll(new Casual("!"), ["a", "b"]));
