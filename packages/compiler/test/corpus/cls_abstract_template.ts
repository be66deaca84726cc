abstract class Handler {
  handle(input: string): string { return `[${this.name()}] ${this.transform(input.trim())}`; }
  protected abstract transform(s: string): string;
  abstract name(): string;
}
class Upper extends Handler { protected transform(s: string): string { return s.toUpperCase(); } name(): string { return "upper"; } }
class Rev extends Handler { protected transform(s: string): string { return [...s].reverse().join(""); } name(): string { return "rev"; } }
const hs: Handler[] = [new Upper(), new Rev()];
console.log(hs.map((h) => h.handle("  hello ")));
