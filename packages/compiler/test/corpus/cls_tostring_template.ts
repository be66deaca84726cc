class Version {
  constructor(private major: number, private minor: number) {}
  toString(): string { return `v${this.major}.${this.minor}`; }
  compare(o: Version): number { return this.major - o.major || this.minor - o.minor; }
}
const vs = [new Version(1, 10), new Version(1, 2), new Version(0, 9)];
vs.sort((a, b) => a.compare(b));
console.log(vs.join(" < "), `${vs[0]}`, "latest: " + vs[vs.length - 1]);
