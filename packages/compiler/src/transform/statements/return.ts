import { ts } from "ts-morph";
import { type GoStmt, simple } from "../../go/ir.js";
import { isNilable } from "../../go/types.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { exitTry } from "./try.js";

export function lowerReturn(ctx: TransformContext, node: ts.ReturnStatement): GoStmt[] {
  const frame = ctx.frame!;
  const line = ctx.lineOf(node);
  const result = frame.hook ? { k: "api" as const, name: "Status" } : frame.result;
  let pre: GoStmt[] = [];
  let value: string | undefined;
  if (node.expression) {
    const [p, v] = ctx.capture(() => lowerExpr(ctx, node.expression!));
    pre = p;
    if (v.type.k === "void" && v.call && ctx.checker.getTypeAtLocation(node.expression).flags & ts.TypeFlags.Never) {
      // `return assertNever(x)`: the call does not return; Go needs to be told so.
      return [...pre, simple(v.code, line), simple(`panic("unreachable")`)];
    }
    if (result.k === "void") {
      if (v.call) pre.push(simple(v.code, line));
    } else if (v.type.k === "nil" || v.type.k === "void") {
      value = frame.hook ? "api.Continue" : "nil";
      if (frame.hook) ctx.use("api");
      if (v.call && v.type.k === "void") pre.push(simple(v.code, line));
    } else value = convert(ctx, v, result, node.expression).code;
  } else if (frame.hook) {
    ctx.use("api");
    value = "api.Continue";
  } else if (result.k !== "void" && (isNilable(result) || result.k === "opt")) value = "nil";
  if (frame.ctorReturn) return [...pre, simple(`return ${frame.ctorReturn}`, line)];
  if (frame.tryControl) return [...pre, ...exitTry(ctx, frame.tryControl, value !== undefined ? { kind: "return", value } : { kind: "return" }, line)];
  return [...pre, simple(value !== undefined ? `return ${value}` : "return", line)];
}
