/** An error the CLI reports as one clear message and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Exit code for a compiler bug (generated Go that does not build), as in sysexits' EX_SOFTWARE. */
export const INTERNAL_ERROR_EXIT = 70;
