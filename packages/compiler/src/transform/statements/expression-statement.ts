import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, FLOAT } from "../../go/types.js";
import { convert, deref, not, toInt, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { binaryOp, isAssignmentOperator } from "../expressions/binary.js";
import { lowerExpr } from "../expressions/index.js";
import { narrowed } from "../expressions/identifier.js";
import { numberConstant } from "../expressions/literals.js";

export function lowerExpressionStatement(ctx: TransformContext, node: ts.ExpressionStatement): GoStmt[] {
  const line = ctx.lineOf(node);
  const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.expression));
  return attachLine([...pre, ...stmts], line);
}

export function attachLine(stmts: GoStmt[], line: { file: string; line: number }): GoStmt[] {
  const first = stmts[0];
  if (first && first.kind !== "lazy" && first.kind !== "label" && !first.line) {
    stmts[0] = { ...first, line } as GoStmt;
  }
  return stmts;
}

/** An expression evaluated for its effect: assignments, increments, calls. */
export function lowerEffect(ctx: TransformContext, e: ts.Expression): GoStmt[] {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && isAssignmentOperator(e.operatorToken.kind)) return lowerAssignment(ctx, e);
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) {
    return lowerIncrement(ctx, e.operand, e.operator === ts.SyntaxKind.PlusPlusToken);
  }
  if (ts.isVoidExpression(e)) return lowerEffect(ctx, e.expression);
  const v = lowerExpr(ctx, e);
  if (v.statement) return [simple(v.statement)];
  if (v.call) return [simple(v.code)];
  return [simple(`_ = ${v.code}`)];
}

/** An assignment target: how to read it and how to write a value to it. */
interface Target {
  type: GoType;
  read: () => GoExpr;
  write: (value: string) => string;
}

function lowerTarget(ctx: TransformContext, node: ts.Expression): Target {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) {
    const sym = ctx.symbolOf(node);
    const v = sym && ctx.vars.get(sym);
    if (!v) return unsupported(node, "MTS2002", node.text);
    return {
      type: v.type,
      read: () => {
        v.reads++;
        return narrowed(ctx, expr(v.goName, v.type, Prec.Primary, { pure: true }), node);
      },
      write: (value) => `${v.goName} = ${value}`,
    };
  }
  if (ts.isPropertyAccessExpression(node)) {
    const obj = lowerExpr(ctx, node.expression);
    const member = ctx.membersOf(obj.type)?.get(node.name.text);
    if (!member || member.kind !== "field") return unsupported(node, "MTS2035", `assignment to ${node.name.text}`, ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node.expression)), "Only fields of classes and interfaces can be assigned.");
    const objCode = obj.pure ? paren(obj, Prec.Primary) : paren(ctx.saveInTemp(obj, "obj"), Prec.Primary);
    const ref = `${objCode}.${member.goName}`;
    return {
      type: member.type,
      read: () => narrowed(ctx, expr(ref, member.type, Prec.Primary, { pure: true }), node),
      write: (value) => `${ref} = ${value}`,
    };
  }
  if (ts.isElementAccessExpression(node)) {
    const [arr, index] = ctx.exprList([node.expression, node.argumentExpression], (n) => lowerExpr(ctx, n));
    if (arr!.type.k !== "array") return unsupported(node, "MTS2035", "index assignment", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node.expression)), "Only array elements can be assigned by index.");
    const a = arr!.pure ? arr! : ctx.saveInTemp(arr!, "arr");
    const i = index!.pure ? toInt(index!) : ctx.saveInTemp(toInt(index!), "i");
    const elem = arr!.type.elem;
    return {
      type: elem,
      read: () => expr(`${paren(a, Prec.Primary)}.Get(${i.code})`, elem, Prec.Primary, { call: true }),
      write: (value) => `${paren(a, Prec.Primary)}.Set(${i.code}, ${value})`,
    };
  }
  return unsupported(node, "MTS2002", "assignment target");
}

const COMPOUND: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
};

function lowerAssignment(ctx: TransformContext, node: ts.BinaryExpression): GoStmt[] {
  const op = node.operatorToken.kind;
  const target = lowerTarget(ctx, node.left);
  const plainVar = ts.isIdentifier(node.left) || ts.isPropertyAccessExpression(node.left);
  if (op === ts.SyntaxKind.EqualsToken) {
    const v = lowerExpr(ctx, node.right);
    const value = v.type.k === "nil" ? v : convert(ctx, target.type.k === "float" ? typedForInference(v) : v, target.type, node.right);
    return [simple(target.write(value.code))];
  }
  if (op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.AmpersandAmpersandEqualsToken) {
    const current = target.read();
    const [pre, v] = ctx.capture(() => convert(ctx, lowerExpr(ctx, node.right), target.type, node.right));
    const cond =
      op === ts.SyntaxKind.QuestionQuestionEqualsToken ? `${current.code} == nil` : op === ts.SyntaxKind.BarBarEqualsToken ? not(truthy(ctx, current)).code : truthy(ctx, current).code;
    return [{ kind: "if", cond, then: [...pre, simple(target.write(v.code))] }];
  }
  const binary = COMPOUND[op];
  if (binary === undefined) return unsupported(node, "MTS2015", node.operatorToken.getText());
  const right = lowerExpr(ctx, node.right);
  const t = target.type;
  // Go's own compound operators where they mean the same thing.
  if (plainVar && (op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken || op === ts.SyntaxKind.AsteriskEqualsToken || op === ts.SyntaxKind.SlashEqualsToken)) {
    if (t.k === "float" && (right.type.k === "float" || right.type.k === "int") && right.num === undefined) {
      const r = convert(ctx, right, FLOAT, node.right);
      return [simple(`${target.write("").replace(/ = $/, "")} ${node.operatorToken.getText()} ${r.code}`)];
    }
    if (t.k === "float" && right.num !== undefined) {
      return [simple(`${target.write("").replace(/ = $/, "")} ${node.operatorToken.getText()} ${numberConstant(ctx, right.num).code}`)];
    }
    if (t.k === "int" && op !== ts.SyntaxKind.SlashEqualsToken && (right.type.k === "int" || right.untyped)) {
      return [simple(`${target.write("").replace(/ = $/, "")} ${node.operatorToken.getText()} ${right.code}`)];
    }
    if (t.k === "string" && op === ts.SyntaxKind.PlusEqualsToken) {
      const combined = binaryOp(ctx, binary, expr('""', t), right, node);
      const r = combined.code.startsWith('"" + ') ? combined.code.slice(5) : combined.code;
      return [simple(`${target.write("").replace(/ = $/, "")} += ${r}`)];
    }
  }
  const current = target.read();
  const result = binaryOp(ctx, binary, current, right, node);
  return [simple(target.write(convert(ctx, result, t, node).code))];
}

function lowerIncrement(ctx: TransformContext, operand: ts.Expression, up: boolean): GoStmt[] {
  const target = lowerTarget(ctx, operand);
  const op = up ? "++" : "--";
  const plain = ts.isIdentifier(operand) || ts.isPropertyAccessExpression(operand);
  if (plain && (target.type.k === "float" || target.type.k === "int")) return [simple(`${target.write("").replace(/ = $/, "")}${op}`)];
  const current = deref(target.read());
  const next = expr(`${paren(current, Prec.Add)} ${up ? "+" : "-"} 1`, current.type, Prec.Add);
  return [simple(target.write(convert(ctx, next, target.type, operand).code))];
}
