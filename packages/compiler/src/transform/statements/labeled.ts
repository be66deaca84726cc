import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { lowerStatement } from "./index.js";

/** Labels on loops and switches (read by the loop visitors through labelOf). */
export function lowerLabeled(ctx: TransformContext, node: ts.LabeledStatement): GoStmt[] {
  const s = node.statement;
  if (!(ts.isIterationStatement(s, false) || ts.isSwitchStatement(s))) unsupported(node, "MTS2001", "label on a statement that is not a loop or switch");
  return lowerStatement(ctx, s);
}
