import { ts } from "ts-morph";
import type { GoStmt } from "../../go/ir.js";
import { truthy } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerAsBlock, lowerStatement } from "./index.js";

export function lowerIf(ctx: TransformContext, node: ts.IfStatement): GoStmt[] {
  const [pre, cond] = ctx.capture(() => truthy(ctx, lowerExpr(ctx, node.expression)));
  const then = lowerAsBlock(ctx, node.thenStatement);
  let otherwise: GoStmt[] | undefined;
  if (node.elseStatement) {
    otherwise = ts.isIfStatement(node.elseStatement) ? lowerStatement(ctx, node.elseStatement) : lowerAsBlock(ctx, node.elseStatement);
  }
  const stmt: GoStmt = { kind: "if", cond: cond.code, then, line: ctx.lineOf(node) };
  if (otherwise) stmt.else = otherwise;
  return [...pre, stmt];
}
