import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { attachLine } from "../statements/line.js";
import { lowerEffect } from "../statements/expression-statement.js";

/**
 * `export default <expression>` in a program (mosn-ts exec), where only a plugin module's
 * definePlugin has a meaning of its own. Node runs the entry file without importing it: its
 * default export is evaluated and never read, so it is kept for its effects. Another module's
 * default export would be read through `import x from`, which the compiler does not bind: it is
 * refused with a hint to export the value by name.
 */
export function lowerProgramDefaultExport(ctx: TransformContext, node: ts.ExportAssignment, isEntry: boolean): GoStmt[] {
  if (node.isExportEquals) return unsupported(node, "MTS2032", "export =");
  if (!isEntry) return unsupported(node, "MTS2051");
  const line = ctx.lineOf(node);
  const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.expression));
  return attachLine([...pre, ...stmts], line);
}
