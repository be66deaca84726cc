class HttpError extends Error {
  readonly status: number;
  readonly details: string[];
  constructor(status: number, message: string, details: string[] = []) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.details = details;
  }
  describe(): string { return `${this.status} ${this.message}${this.details.length ? ": " + this.details.join("; ") : ""}`; }
}
const errs = [new HttpError(400, "bad request", ["missing id", "bad page"]), new HttpError(500, "oops")];
for (const e of errs) console.log(e.describe(), e.name, e instanceof Error, e.toString());
try { throw errs[0]; } catch (e) { if (e instanceof HttpError) console.log("caught", e.status, e.details.length); }
