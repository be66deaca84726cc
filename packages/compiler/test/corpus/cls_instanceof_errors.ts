class AppError extends Error { constructor(msg: string, readonly code: number) { super(msg); this.name = "AppError"; } }
class NotFound extends AppError { constructor(what: string) { super(`${what} not found`, 404); this.name = "NotFound"; } }
class Forbidden extends AppError { constructor() { super("forbidden", 403); this.name = "Forbidden"; } }
function run(k: number): void {
  if (k === 1) throw new NotFound("user");
  if (k === 2) throw new Forbidden();
  if (k === 3) throw new TypeError("bad type");
  if (k === 4) throw new Error("plain");
}
for (let k = 0; k <= 4; k++) {
  try { run(k); console.log(k, "ok"); }
  catch (e) {
    if (e instanceof NotFound) console.log(k, "nf", e.code, e.message);
    else if (e instanceof AppError) console.log(k, "app", e.code, e.name, String(e));
    else if (e instanceof TypeError) console.log(k, "type", e.message);
    else if (e instanceof Error) console.log(k, "err", `${e}`, e instanceof AppError);
  }
}
