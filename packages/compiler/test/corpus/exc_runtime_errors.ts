function tryIt(label: string, f: () => string | number): void {
  try { console.log(label, "ok", f()); }
  catch (e) { console.log(label, (e as Error).name, (e as Error).message); }
}
tryIt("repeat", () => "x".repeat(-1));
tryIt("toFixed", () => (1).toFixed(101));
tryIt("radix", () => (10).toString(1));
tryIt("json", () => (JSON.parse("[1,") as number[]).length);
tryIt("uri", () => decodeURIComponent("%E0%A4%A"));
tryIt("precision", () => (1).toPrecision(0));
tryIt("bigarray", () => new Array<number>(-1).fill(0).length);
tryIt("fine", () => 1 + 1);
