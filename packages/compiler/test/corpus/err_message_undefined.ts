// An undefined Error message is "": new Error(undefined), an optional string passed on,
// and the common subclass whose constructor takes an optional message.
class HttpError extends Error {
  constructor(msg?: string) {
    super(msg);
  }
}
class NotFound extends HttpError {}
const e = new HttpError();
console.log(e.message === "", e.message.length, String(e), e instanceof Error);
console.log(JSON.stringify(new HttpError("teapot").message), String(new NotFound()));
console.log(JSON.stringify(new Error(undefined).message), String(new TypeError(undefined)));
function pick(flag: boolean): string | undefined {
  return flag ? "boom" : undefined;
}
const m: string | undefined = pick(false);
console.log(JSON.stringify(new Error(m).message), new RangeError(pick(true)).message);
try {
  throw new HttpError(pick(false));
} catch (err) {
  if (err instanceof HttpError) console.log("caught", JSON.stringify(err.message));
}
