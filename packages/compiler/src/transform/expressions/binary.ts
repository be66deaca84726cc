import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, isIntegerText, paren } from "../../go/expr.js";
import { BOOL, FLOAT, INT, type GoType, isNilable, sameType, typeKey } from "../../go/types.js";
import { convert, deref, not, toFloat, truthy } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { concat, toStringExpr } from "../strings.js";
import { lowerExpr } from "./index.js";
import { numberConstant } from "./literals.js";
import { lowerLogical, lowerNullish } from "./logical.js";

const K = ts.SyntaxKind;

const ASSIGNMENTS = new Set([
  K.EqualsToken, K.PlusEqualsToken, K.MinusEqualsToken, K.AsteriskEqualsToken, K.SlashEqualsToken, K.PercentEqualsToken,
  K.AsteriskAsteriskEqualsToken, K.AmpersandEqualsToken, K.BarEqualsToken, K.CaretEqualsToken, K.LessThanLessThanEqualsToken,
  K.GreaterThanGreaterThanEqualsToken, K.GreaterThanGreaterThanGreaterThanEqualsToken, K.BarBarEqualsToken,
  K.AmpersandAmpersandEqualsToken, K.QuestionQuestionEqualsToken,
]);

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return ASSIGNMENTS.has(kind);
}

export function lowerBinary(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const op = node.operatorToken.kind;
  if (ASSIGNMENTS.has(op)) unsupported(node, "MTS2023");
  switch (op) {
    case K.CommaToken:
      return unsupported(node.operatorToken, "MTS2015", ",");
    case K.InKeyword:
      return unsupported(node.operatorToken, "MTS2015", "in");
    case K.AmpersandAmpersandToken:
    case K.BarBarToken:
      return lowerLogical(ctx, node);
    case K.QuestionQuestionToken:
      return lowerNullish(ctx, node);
    case K.InstanceOfKeyword:
      return lowerInstanceOf(ctx, node);
  }
  const [left, right] = ctx.exprList([node.left, node.right], (n) => lowerExpr(ctx, n));
  return binaryOp(ctx, op, left!, right!, node);
}

function lowerInstanceOf(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const cls = ctx.symbolOf(node.right);
  if (!cls || !ctx.isLibSymbol(cls) || cls.name !== "Error") unsupported(node, "MTS2016");
  const value = lowerExpr(ctx, node.left);
  if (value.type.k !== "any" && value.type.k !== "error") unsupported(node, "MTS2016");
  if (value.type.k === "error") return expr(`${paren(value, Prec.Compare + 1)} != nil`, BOOL, Prec.Compare);
  ctx.use("js");
  return expr(`js.IsError(${value.code})`, BOOL, Prec.Primary, { pure: value.pure });
}

/** Applies a binary operator to lowered operands (also used by compound assignments). */
export function binaryOp(ctx: TransformContext, op: ts.SyntaxKind, left: GoExpr, right: GoExpr, node: ts.Node): GoExpr {
  switch (op) {
    case K.EqualsEqualsEqualsToken:
    case K.ExclamationEqualsEqualsToken:
      return equality(ctx, left, right, op === K.ExclamationEqualsEqualsToken, node);
    case K.EqualsEqualsToken:
    case K.ExclamationEqualsToken: {
      const lt = left.type.k === "int" ? FLOAT : left.type;
      const rt = right.type.k === "int" ? FLOAT : right.type;
      if (left.type.k !== "nil" && right.type.k !== "nil" && !sameType(lt, rt)) unsupported(node, "MTS2014", op === K.EqualsEqualsToken ? "==" : "!=");
      return equality(ctx, left, right, op === K.ExclamationEqualsToken, node);
    }
    case K.LessThanToken:
    case K.GreaterThanToken:
    case K.LessThanEqualsToken:
    case K.GreaterThanEqualsToken:
      return comparison(ctx, op, left, right, node);
    case K.PlusToken:
      if (left.type.k === "string" || right.type.k === "string") {
        return concat([toStringExpr(ctx, left), toStringExpr(ctx, right)]);
      }
      return arithmetic(ctx, op, left, right, node);
    case K.MinusToken:
    case K.AsteriskToken:
    case K.SlashToken:
    case K.PercentToken:
    case K.AsteriskAsteriskToken:
      return arithmetic(ctx, op, left, right, node);
    case K.AmpersandToken:
    case K.BarToken:
    case K.CaretToken:
    case K.LessThanLessThanToken:
    case K.GreaterThanGreaterThanToken:
    case K.GreaterThanGreaterThanGreaterThanToken:
      return bitwise(ctx, op, left, right, node);
  }
  return unsupported(node, "MTS2015", ts.tokenToString(op) ?? "operator");
}

function numeric(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  if (e.type.k === "float" || e.type.k === "int") return e;
  if (e.type.k === "opt" && e.type.inner.k === "float") return deref(e);
  if (e.type.k === "api" && (e.type.name === "Status" || e.type.name === "LogLevel" || e.type.name === "DestroyReason")) {
    return expr(`float64(${e.code})`, FLOAT, Prec.Primary, { pure: e.pure });
  }
  return unsupported(node, "MTS2015", `arithmetic on ${typeKey(e.type)}`);
}

/** Whether e can be used as a Go int: an int, or an integer constant. */
function intLike(e: GoExpr): boolean {
  return e.type.k === "int" || (e.untyped === true && isIntegerText(e.code) && Math.abs(e.num ?? Infinity) < 2 ** 31);
}

function foldNumbers(op: ts.SyntaxKind, a: number, b: number): number | undefined {
  switch (op) {
    case K.PlusToken:
      return a + b;
    case K.MinusToken:
      return a - b;
    case K.AsteriskToken:
      return a * b;
    case K.SlashToken:
      return a / b;
    case K.PercentToken:
      return a % b;
    case K.AsteriskAsteriskToken:
      return a ** b;
    case K.AmpersandToken:
      return a & b;
    case K.BarToken:
      return a | b;
    case K.CaretToken:
      return a ^ b;
    case K.LessThanLessThanToken:
      return a << b;
    case K.GreaterThanGreaterThanToken:
      return a >> b;
    case K.GreaterThanGreaterThanGreaterThanToken:
      return a >>> b;
  }
  return undefined;
}

function arithmetic(ctx: TransformContext, op: ts.SyntaxKind, l: GoExpr, r: GoExpr, node: ts.Node): GoExpr {
  let left = numeric(ctx, l, node);
  let right = numeric(ctx, r, node);
  if (left.num !== undefined && right.num !== undefined) {
    const folded = foldNumbers(op, left.num, right.num);
    if (folded !== undefined) return numberConstant(ctx, folded);
  }
  const bothInt = intLike(left) && intLike(right) && (left.type.k === "int" || right.type.k === "int");
  const pure = left.pure && right.pure;
  if (bothInt && (op === K.PlusToken || op === K.MinusToken || op === K.AsteriskToken)) {
    const prec = op === K.AsteriskToken ? Prec.Mul : Prec.Add;
    return expr(`${paren(left, prec)} ${ts.tokenToString(op)} ${paren(right, prec + 1)}`, INT, prec, { pure });
  }
  if (bothInt && op === K.PercentToken && right.untyped && (right.num ?? 0) > 0) {
    return expr(`${paren(left, Prec.Mul)} % ${paren(right, Prec.Mul + 1)}`, INT, Prec.Mul, { pure });
  }
  left = toFloat(left);
  right = toFloat(right);
  switch (op) {
    case K.PercentToken:
      ctx.use("math");
      return expr(`math.Mod(${left.code}, ${right.code})`, FLOAT, Prec.Primary, { pure });
    case K.AsteriskAsteriskToken:
      if (right.num !== undefined && Number.isFinite(right.num)) {
        ctx.use("math");
        return expr(`math.Pow(${left.code}, ${right.code})`, FLOAT, Prec.Primary, { pure });
      }
      ctx.use("js");
      return expr(`js.Pow(${left.code}, ${right.code})`, FLOAT, Prec.Primary, { pure });
  }
  const prec = op === K.PlusToken || op === K.MinusToken ? Prec.Add : Prec.Mul;
  // An untyped constant on both sides cannot happen (folded above); an int-text constant
  // next to a float64 operand is converted by Go, and division stays floating point.
  return expr(`${paren(left, prec)} ${ts.tokenToString(op)} ${paren(right, prec + 1)}`, FLOAT, prec, { pure });
}

function bitwise(ctx: TransformContext, op: ts.SyntaxKind, l: GoExpr, r: GoExpr, node: ts.Node): GoExpr {
  const left = toFloat(numeric(ctx, l, node));
  const right = toFloat(numeric(ctx, r, node));
  if (left.num !== undefined && right.num !== undefined) return numberConstant(ctx, foldNumbers(op, left.num, right.num)!);
  ctx.use("js");
  const pure = left.pure && right.pure;
  const i32 = (e: GoExpr) => (e.num !== undefined ? String(e.num | 0) : `js.ToInt32(${e.code})`);
  const u32 = (e: GoExpr) => (e.num !== undefined ? String(e.num >>> 0) : `js.ToUint32(${e.code})`);
  switch (op) {
    case K.AmpersandToken:
    case K.BarToken:
    case K.CaretToken:
      return expr(`float64(${i32(left)} ${ts.tokenToString(op)} ${i32(right)})`, FLOAT, Prec.Primary, { pure });
    case K.LessThanLessThanToken:
      return expr(`float64(${i32(left)} << (${u32(right)} & 31))`, FLOAT, Prec.Primary, { pure });
    case K.GreaterThanGreaterThanToken:
      return expr(`float64(${i32(left)} >> (${u32(right)} & 31))`, FLOAT, Prec.Primary, { pure });
    default:
      return expr(`float64(${u32(left)} >> (${u32(right)} & 31))`, FLOAT, Prec.Primary, { pure });
  }
}

function comparison(ctx: TransformContext, op: ts.SyntaxKind, l: GoExpr, r: GoExpr, node: ts.Node): GoExpr {
  const token = ts.tokenToString(op)!;
  if (l.type.k === "string" && r.type.k === "string") {
    return expr(`${paren(l, Prec.Compare + 1)} ${token} ${paren(r, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: l.pure && r.pure });
  }
  let left = numeric(ctx, l, node);
  let right = numeric(ctx, r, node);
  if (left.num !== undefined && right.num !== undefined) {
    const v = op === K.LessThanToken ? left.num < right.num : op === K.GreaterThanToken ? left.num > right.num : op === K.LessThanEqualsToken ? left.num <= right.num : left.num >= right.num;
    return expr(String(v), BOOL, Prec.Primary, { pure: true });
  }
  if (!(intLike(left) && intLike(right))) {
    left = toFloat(left);
    right = toFloat(right);
  }
  return expr(`${paren(left, Prec.Compare + 1)} ${token} ${paren(right, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: left.pure && right.pure });
}

/** === and !==: nil checks for undefined, value comparison of optionals, == otherwise. */
export function equality(ctx: TransformContext, l: GoExpr, r: GoExpr, negate: boolean, node: ts.Node): GoExpr {
  const eq = negate ? "!=" : "==";
  if (l.type.k === "nil" && r.type.k === "nil") return expr(String(!negate), BOOL);
  if (l.type.k === "nil" || r.type.k === "nil") {
    const other = l.type.k === "nil" ? r : l;
    if (!isNilable(other.type) && other.type.k !== "opt") return expr(String(negate), BOOL, Prec.Primary, { pure: true });
    return expr(`${paren(other, Prec.Compare + 1)} ${eq} nil`, BOOL, Prec.Compare, { pure: other.pure });
  }
  if (l.type.k === "opt" || r.type.k === "opt") {
    ctx.use("js");
    let call: string;
    if (l.type.k === "opt" && r.type.k === "opt") call = `js.PtrEqualsPtr(${l.code}, ${r.code})`;
    else {
      const [p, v] = l.type.k === "opt" ? [l, r] : [r, l];
      const inner = (p.type as { inner: GoType }).inner;
      call = `js.PtrEquals(${p.code}, ${convert(ctx, v, inner, node).code})`;
    }
    const e = expr(call, BOOL, Prec.Primary, { pure: l.pure && r.pure });
    return negate ? not(e) : e;
  }
  let left = l;
  let right = r;
  if (left.num !== undefined && right.num !== undefined) return expr(String(negate ? left.num !== right.num : left.num === right.num), BOOL);
  if ((left.type.k === "int") !== (right.type.k === "int") && !(intLike(left) && intLike(right))) {
    left = toFloat(left);
    right = toFloat(right);
  }
  if (left.type.k === "any" || right.type.k === "any") unsupported(node, "MTS2015", "=== on an unknown value");
  return expr(`${paren(left, Prec.Compare + 1)} ${eq} ${paren(right, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: left.pure && right.pure });
}

export { truthy };
