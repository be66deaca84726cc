class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}
class NotFound extends HttpError {
  constructor(what: string) {
    super(404, `${what} not found`);
    this.name = "NotFound";
  }
}
class ValidationError extends Error {}
function fail(kind: number): never {
  if (kind === 0) throw new NotFound("page");
  if (kind === 1) throw new HttpError(500, "boom");
  if (kind === 2) throw new ValidationError("bad input");
  if (kind === 3) throw new TypeError("not a type");
  throw "a string";
}
for (let i = 0; i < 5; i++) {
  try {
    fail(i);
  } catch (e) {
    if (e instanceof NotFound) console.log("not found:", e.status, e.message, e.name);
    else if (e instanceof HttpError) console.log("http:", e.status, String(e));
    else if (e instanceof ValidationError) console.log("validation:", e.message, e.name, String(e));
    else if (e instanceof TypeError) console.log("type error:", e.message);
    else if (e instanceof Error) console.log("error:", e.message);
    else console.log("thrown:", String(e));
    console.log(e instanceof Error, e instanceof HttpError);
  }
}
const err: Error = new NotFound("x");
console.log(err.message, err.name, err instanceof NotFound);
