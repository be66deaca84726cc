class Tally {
  counts = new Map<string, number>();
  add(words: string[]): void {
    words.forEach((w) => {
      this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
    });
  }
  top(): string[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w, n]) => `${w}=${n}`);
  }
}
const t = new Tally();
t.add("the cat and the hat and the bat".split(" "));
console.log(t.top().join(" "));
class Button {
  clicks = 0;
  handler = () => {
    this.clicks++;
    return this.clicks;
  };
}
const btn = new Button();
const h = btn.handler;
h();
h();
console.log(btn.clicks, btn.handler());
