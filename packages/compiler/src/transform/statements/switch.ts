import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoExpr } from "../../go/expr.js";
import { type GoCase, type GoStmt, isTerminating, simple } from "../../go/ir.js";
import { FLOAT } from "../../go/types.js";
import { convert, toFloat, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { equality } from "../expressions/binary.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerBlockBody } from "./index.js";
import { labelIfUsed, newBreakable, withBreakable } from "./jumps.js";

function endsWithJump(body: GoStmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  if (last.kind === "simple" && /^(break|continue)\b/.test(last.code)) return true;
  return isTerminating(body);
}

/** Whether a case value can be a Go switch label against the tag: a constant of the tag's type. */
function simpleCase(tag: GoExpr, v: GoExpr): boolean {
  if (tag.type.k === "float") return v.num !== undefined && v.type.k === "float";
  if (tag.type.k === "string") return v.str !== undefined && ![...v.str].some((c) => c.codePointAt(0)! > 0xffff);
  if (tag.type.k === "bool") return v.code === "true" || v.code === "false";
  if (tag.type.k === "api") return v.type.k === "api" && v.pure === true;
  return false;
}

/**
 * switch: cases compare with ===. Constants of the tag's type make a Go tag switch;
 * anything else a tagless switch of === tests. A trailing `break` is dropped, a case that
 * runs into the next gets `fallthrough`.
 */
export function lowerSwitch(ctx: TransformContext, node: ts.SwitchStatement): GoStmt[] {
  const [pre, rawTag] = ctx.capture(() => lowerExpr(ctx, node.expression));
  let tag = rawTag.type.k === "int" ? toFloat(rawTag) : rawTag;
  const b = newBreakable(ctx, node, "switch");
  const clauses = node.caseBlock.clauses;
  const caseValues: (GoExpr | null)[] = clauses.map((clause) => {
    if (!ts.isCaseClause(clause)) return null;
    const [cpre, v] = ctx.capture(() => lowerExpr(ctx, clause.expression));
    if (cpre.length > 0) unsupported(clause.expression, "MTS2017", "this case expression", "Use constants or simple expressions in case labels.");
    return v;
  });
  const tagged = caseValues.every((v) => v === null || simpleCase(tag, v));
  const out: GoStmt[] = [...pre];
  if (!tagged && !tag.pure) {
    const saved = ctx.temp("tag");
    out.push(simple(`${saved} := ${typedForInference(tag).code}`));
    tag = { ...tag, code: saved, pure: true };
  }
  const labelOf = (v: GoExpr, at: ts.Node): string => {
    if (tagged) return (tag.type.k === "float" ? convert(ctx, v, FLOAT, at) : v).code;
    const [p, e] = ctx.capture(() => equality(ctx, tag, v, false, at));
    if (p.length > 0) unsupported(at, "MTS2017", "this case expression", "Use constants or simple expressions in case labels.");
    return e.code;
  };
  const cases: GoCase[] = withBreakable(ctx, b, () => {
    const result: GoCase[] = [];
    let pending: string[] = [];
    clauses.forEach((clause, i) => {
      const isLast = i === clauses.length - 1;
      let labels: string[] | null = null;
      if (ts.isCaseClause(clause)) labels = [labelOf(caseValues[i]!, clause.expression)];
      let stmts: readonly ts.Statement[] = clause.statements;
      if (stmts.length === 1 && ts.isBlock(stmts[0]!)) stmts = (stmts[0] as ts.Block).statements;
      if (stmts.length === 0 && !isLast) {
        if (labels) {
          pending.push(...labels);
          return;
        }
        result.push({ exprs: pending.length ? pending : null, body: pending.length ? [simple("fallthrough")] : [] });
        pending = [];
      }
      let body = lowerBlockBody(ctx, stmts);
      const last = body[body.length - 1];
      if (last && last.kind === "simple" && last.code === "break") body = body.slice(0, -1);
      else if (!isLast && !endsWithJump(body)) body.push(simple("fallthrough"));
      if (labels === null && pending.length > 0) {
        result.push({ exprs: pending, body: [simple("fallthrough")] });
        pending = [];
      }
      result.push({ exprs: labels ? [...pending, ...labels] : null, body });
      pending = [];
    });
    return result;
  });
  if (!tagged) {
    // Go's tagless switch: each label is a boolean; several labels of one case are ORed.
    for (const c of cases) if (c.exprs && c.exprs.length > 1) c.exprs = [c.exprs.map((e) => `(${e})`).join(" || ")];
  }
  const stmt: GoStmt = { kind: "switch", tag: tagged ? tag.code : "", cases, line: ctx.lineOf(node) };
  const label = labelIfUsed(b);
  if (label) stmt.label = label;
  out.push(stmt);
  return out;
}
