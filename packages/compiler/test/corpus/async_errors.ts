class AppError extends Error {
  constructor(readonly code: number) {
    super(`code ${code}`);
    this.name = "AppError";
  }
}
async function risky(n: number): Promise<number> {
  if (n < 0) throw new AppError(n);
  return n;
}
async function safe(n: number): Promise<string> {
  try {
    const v = await risky(n);
    return `ok ${v}`;
  } catch (e) {
    if (e instanceof AppError) return `app error ${e.code} ${e.message}`;
    throw e;
  } finally {
    console.log("finally", n);
  }
}
console.log(await safe(1));
console.log(await safe(-2));
try {
  await risky(-5);
} catch (e) {
  console.log(String(e), e instanceof AppError);
}
