import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoCase, type GoStmt, isTerminating, simple } from "../../go/ir.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerBlockBody } from "./index.js";
import { labelIfUsed, newBreakable, withBreakable } from "./jumps.js";

function endsWithJump(body: GoStmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  if (last.kind === "simple" && /^(break|continue)\b/.test(last.code)) return true;
  return isTerminating(body);
}

/**
 * switch: cases compare with ===, as Go's switch does on the same types; a trailing
 * `break` is dropped, a case that runs into the next gets `fallthrough`.
 */
export function lowerSwitch(ctx: TransformContext, node: ts.SwitchStatement): GoStmt[] {
  const [pre, tag] = ctx.capture(() => lowerExpr(ctx, node.expression));
  const tagType = tag.type.k === "int" ? { k: "float" as const } : tag.type;
  const tagCode = tag.type.k === "int" ? `float64(${tag.code})` : tag.code;
  const b = newBreakable(ctx, node, "switch");
  const clauses = node.caseBlock.clauses;
  const cases: GoCase[] = withBreakable(ctx, b, () => {
    const out: GoCase[] = [];
    let pending: string[] = [];
    clauses.forEach((clause, i) => {
      const isLast = i === clauses.length - 1;
      let labels: string[] | null = null;
      if (ts.isCaseClause(clause)) {
        const [cpre, v] = ctx.capture(() => convert(ctx, lowerExpr(ctx, clause.expression), tagType, clause.expression));
        if (cpre.length > 0) unsupported(clause.expression, "MTS2017", "this case expression", "Use constants or simple expressions in case labels.");
        labels = [v.code];
      }
      let stmts: readonly ts.Statement[] = clause.statements;
      if (stmts.length === 1 && ts.isBlock(stmts[0]!)) stmts = (stmts[0] as ts.Block).statements;
      if (stmts.length === 0 && !isLast) {
        if (labels) {
          pending.push(...labels);
          return;
        }
        out.push({ exprs: pending.length ? pending : null, body: pending.length ? [simple("fallthrough")] : [] });
        pending = [];
      }
      let body = lowerBlockBody(ctx, stmts);
      const last = body[body.length - 1];
      if (last && last.kind === "simple" && last.code === "break") body = body.slice(0, -1);
      else if (!isLast && !endsWithJump(body)) body.push(simple("fallthrough"));
      if (labels === null && pending.length > 0) {
        out.push({ exprs: pending, body: [simple("fallthrough")] });
        pending = [];
      }
      out.push({ exprs: labels ? [...pending, ...labels] : null, body });
      pending = [];
    });
    return out;
  });
  const stmt: GoStmt = { kind: "switch", tag: tagCode, cases, line: ctx.lineOf(node) };
  const label = labelIfUsed(b);
  if (label) stmt.label = label;
  return [...pre, stmt];
}
