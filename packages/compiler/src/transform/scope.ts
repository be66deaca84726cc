import type { GoType } from "../go/types.js";

/** A TypeScript variable, parameter or function as generated Go names it. */
export interface GoVar {
  goName: string;
  /** How the variable is stored (its declared type, or int for inferred integers). */
  type: GoType;
  /** Reads seen while lowering; zero means Go needs `_ = name`. */
  reads: number;
  /** Declared at package level (module constants, functions, program globals). */
  global?: boolean;
}

/** Per-function state: the result type, names in use, the enclosing try/catch. */
export interface FunctionFrame {
  /** Go result type; void when the function returns nothing. */
  result: GoType;
  /** A filter hook: a bare `return` means `return api.Continue`. */
  hook: boolean;
  /** Go identifiers used anywhere in the function: temporaries avoid them. */
  names: Set<string>;
  /** Non-null inside a try block or catch clause lowered into a closure. */
  tryControl?: TryControl;
  /** In a constructor: the object a `return` gives back. */
  ctorReturn?: string;
  /** Labels of the loops/switches enclosing the current position, innermost last. */
  breakables: Breakable[];
  /** An async function: `await` is allowed (it blocks). */
  async?: boolean;
  /** The top level of a program (top-level await is allowed). */
  topLevel?: boolean;
}

export interface Breakable {
  label?: string;
  kind: "loop" | "switch";
  /** True once a `break label` / `continue label` refers to it (Go rejects unused labels). */
  labelUsed: boolean;
  /** Go label assigned when needed. */
  goLabel?: string;
  /** Inside a closure created for try/catch, relative to this breakable. */
  insideTryOf?: TryControl;
}

/** Bookkeeping for `return` / `break` / `continue` that leave a try block's closure. */
export interface TryControl {
  flag: string;
  resultVar?: string;
  /** Exits recorded: code → Go statement to run after js.Try returns. */
  exits: Map<number, string>;
  /** Breakables that enclose the try statement (the closure cannot jump to them). */
  outer: Breakable[];
  parent?: TryControl;
  /** The finally block is being lowered; set when it leaves the statement (return, break...). */
  inFinally?: boolean;
  finallyLeaves?: boolean;
}
