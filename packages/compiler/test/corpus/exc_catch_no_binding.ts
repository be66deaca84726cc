function tryParse(s: string): number | undefined {
  try { return JSON.parse(s) as number; } catch { return undefined; }
}
console.log(tryParse("12"), tryParse("x"), tryParse("1e3"));
let attempts = 0;
function flaky(): string { attempts++; if (attempts < 3) throw new Error("fail " + attempts); return "ok after " + attempts; }
let result = "";
while (true) { try { result = flaky(); break; } catch { continue; } }
console.log(result);
