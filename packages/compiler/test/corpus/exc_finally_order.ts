const trace: string[] = [];
function f(mode: number): string {
  try {
    trace.push("try");
    if (mode === 1) throw new Error("boom");
    if (mode === 2) return "early";
    trace.push("after");
  } catch (e) {
    trace.push("catch:" + (e as Error).message);
    return "caught";
  } finally {
    trace.push("finally");
  }
  return "end";
}
for (const m of [0, 1, 2]) { trace.length = 0; const r = f(m); console.log(m, r, trace.join(",")); }
