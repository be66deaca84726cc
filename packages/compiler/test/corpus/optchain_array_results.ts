function get(flag: boolean): number[] | undefined {
  return flag ? [1, 2, 3] : undefined;
}
for (const flag of [true, false]) {
  const arr = get(flag);
  const m = arr?.map((x) => x * 2);
  const fm = arr?.flatMap((x) => [x, String(x)]);
  const f = arr?.filter((x) => x > 1);
  const g = arr?.map((x) => [x]).flat();
  const n = arr?.map((x) => x + 1).length;
  console.log(m, fm, f, g, n, m?.length ?? -1);
}
