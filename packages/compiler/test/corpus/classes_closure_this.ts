class Acc {
  total = 0;
  addAll(xs: number[]): void {
    xs.forEach((x) => {
      this.total += x;
    });
  }
}
const a = new Acc();
a.addAll([1, 2, 3]);
console.log(String(a.total));
