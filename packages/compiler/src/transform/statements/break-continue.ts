import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, simple } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import type { Breakable } from "../scope.js";
import { goLabel } from "./jumps.js";
import { exitTry } from "./try.js";

/** break / continue, with labels; from inside a try closure, through the try's exit flag. */
export function lowerBreakOrContinue(ctx: TransformContext, node: ts.BreakStatement | ts.ContinueStatement): GoStmt[] {
  const isBreak = ts.isBreakStatement(node);
  const word = isBreak ? "break" : "continue";
  const frame = ctx.frame!;
  const label = node.label?.text;
  const matches = (b: Breakable) => (label !== undefined ? b.label === label : isBreak || b.kind === "loop");
  const line = ctx.lineOf(node);
  const local = [...frame.breakables].reverse().find(matches);
  if (local) {
    const innermost = [...frame.breakables].reverse().find((b) => isBreak || b.kind === "loop");
    if (local === innermost && (isBreak ? frame.breakables[frame.breakables.length - 1] === local : true)) return [simple(word, line)];
    return [simple(`${word} ${goLabel(ctx, local)}`, line)];
  }
  if (frame.tryControl) {
    const outer = [...frame.tryControl.outer].reverse().find(matches);
    if (outer) return exitTry(ctx, frame.tryControl, { kind: isBreak ? "break" : "continue", target: outer }, line);
  }
  return unsupported(node, "MTS2001", `${word} outside of a loop`);
}
