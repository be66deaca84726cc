/** Envoy's log levels, lowest first; the numbers are Envoy's. */
export enum LogLevel {
  Trace = 0,
  Debug = 1,
  Info = 2,
  Warn = 3,
  Error = 4,
  Critical = 5,
}

/** Writes into Envoy's log (the `golang` logger). */
export interface Logger {
  /**
   * Envoy's current log level: lines below it are dropped (check it before costly messages).
   * 6 when logging is off.
   */
  readonly level: LogLevel;
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  critical(message: string): void;
}
