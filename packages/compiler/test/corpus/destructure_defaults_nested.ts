interface Options {
  server?: { host?: string; port?: number };
  retries?: number;
  tags?: string[];
}
function configure({ server: { host = "0.0.0.0", port = 80 } = {}, retries = 1, tags = [] }: Options = {}): string {
  return `${host}:${port} r=${retries} t=${tags.join(",")}`;
}
console.log(configure());
console.log(configure({}));
console.log(configure({ server: { port: 8080 } }));
console.log(configure({ server: {}, retries: 5, tags: ["a", "b"] }));
const [a = 1, [b = 2, c = 3] = []] = [undefined, [20]] as [number | undefined, number[] | undefined];
console.log(a, b, c);
const { x = 5, y = x * 2 } = { x: 1 } as { x?: number; y?: number };
console.log(x, y);
