import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, isIntegerText, paren, stringLiteral } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { BOOL, FLOAT, INT, STRING, type GoType, isNilable, isPrimitive, sameType } from "../../go/types.js";
import { instanceType, isPolymorphic } from "../../model/classes.js";
import { box, classOf, convert, deref, describeGo, not, toFloat, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { classInstance, classMember } from "../declarations/class-members.js";
import { lowerAssignmentValue, lowerEffect } from "../statements/expression-statement.js";
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
  if (ASSIGNMENTS.has(op)) return lowerAssignmentValue(ctx, node);
  switch (op) {
    case K.CommaToken: {
      const [pre, effect] = ctx.capture(() => lowerEffect(ctx, node.left));
      ctx.addPreceding(...pre, ...effect);
      return lowerExpr(ctx, node.right);
    }
    case K.InKeyword:
      return lowerIn(ctx, node);
    case K.AmpersandAmpersandToken:
    case K.BarBarToken:
      return lowerLogical(ctx, node);
    case K.QuestionQuestionToken:
      return lowerNullish(ctx, node);
    case K.InstanceOfKeyword:
      return lowerInstanceOf(ctx, node);
    case K.EqualsEqualsToken:
    case K.ExclamationEqualsToken:
      return looseEquality(ctx, node, op === K.ExclamationEqualsToken);
  }
  const [left, right] = ctx.exprList([node.left, node.right], (n) => lowerExpr(ctx, n));
  return binaryOp(ctx, op, left!, right!, node);
}

/** `key in obj`. */
function lowerIn(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const [key, obj] = ctx.exprList([node.left, node.right], (n) => lowerExpr(ctx, n));
  const k = key!.type.k === "string" ? key! : toStringExpr(ctx, key!);
  const t = obj!.type;
  ctx.use("js");
  if (t.k === "record") return expr(`${paren(obj!, Prec.Primary)}.In(${k.code})`, BOOL, Prec.Primary, { call: true });
  const cls = classOf(ctx, t);
  if (cls && k.str !== undefined) {
    const m = ctx.attempt(() => classMember(ctx, cls, k.str!, node), () => undefined);
    if (!obj!.pure && obj!.call) ctx.addPreceding(simple(obj!.code));
    return expr(String(m !== undefined), BOOL, Prec.Primary, { pure: true });
  }
  const info = ctx.types.structOf(t);
  if (info && k.str !== undefined) {
    const field = info.fields.find((f) => f.name === k.str);
    if (!field) return expr("false", BOOL, Prec.Primary, { pure: true });
    if (!field.optional) return expr("true", BOOL, Prec.Primary, { pure: true });
    return expr(`${paren(obj!, Prec.Primary)}.keys.Has(${k.code})`, BOOL, Prec.Primary, { call: true });
  }
  return expr(`js.HasProperty(${box(ctx, obj!).code}, ${k.code})`, BOOL, Prec.Primary, { call: true });
}

const BUILTIN_CLASSES: Record<string, string> = {
  Error: "js.IsError",
  Map: "js.IsMap",
  Set: "js.IsSet",
  Array: "js.IsArray",
  RegExp: "js.IsRegExp",
  Uint8Array: "js.IsBytes",
};

function lowerInstanceOf(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const sym = ctx.symbolOf(node.right);
  const value = lowerExpr(ctx, node.left);
  const boxed = box(ctx, value);
  ctx.use("js");
  if (sym && ctx.isLibSymbol(sym)) {
    if (BUILTIN_CLASSES[sym.name]) return expr(`${BUILTIN_CLASSES[sym.name]}(${boxed.code})`, BOOL, Prec.Primary, { call: true });
    if (/Error$/.test(sym.name)) return expr(`js.IsErrorKind(${boxed.code}, ${stringLiteral(sym.name)})`, BOOL, Prec.Primary, { call: true });
    return unsupported(node.right, "MTS2016", sym.name);
  }
  const decl = sym && ctx.classes.get(sym);
  if (!decl) return unsupported(node.right, "MTS2016", node.right.getText());
  if (decl.generic) return unsupported(node.right, "MTS2016", `${decl.name} (a generic class)`);
  const inst = classInstance(ctx, decl, []);
  const target = isPolymorphic(inst) ? inst.likeName! : `*${inst.goName}`;
  if (value.type.k === "error") return expr(`js.InstanceOf[${target}](${value.code}.Self())`, BOOL, Prec.Primary, { call: true });
  void instanceType;
  return expr(`js.InstanceOf[${target}](${boxed.code})`, BOOL, Prec.Primary, { call: true });
}

/** Applies a binary operator to lowered operands (also used by compound assignments). */
export function binaryOp(ctx: TransformContext, op: ts.SyntaxKind, left: GoExpr, right: GoExpr, node: ts.Node): GoExpr {
  switch (op) {
    case K.EqualsEqualsEqualsToken:
    case K.ExclamationEqualsEqualsToken:
      return equality(ctx, left, right, op === K.ExclamationEqualsEqualsToken, node);
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

export function numeric(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  if (e.type.k === "float" || e.type.k === "int") return e;
  if (e.type.k === "opt" && e.type.inner.k === "float") return deref(e);
  if (e.type.k === "api" && isPrimitive(e.type)) return expr(`float64(${e.code})`, FLOAT, Prec.Primary, { pure: e.pure });
  return unsupported(node, "MTS2015", `arithmetic on ${describeGo(e.type, ctx)}`);
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

/**
 * A float product used as an operand of + or -: Go may fuse `a*b + c` into one
 * rounding (FMA) on some CPUs; an explicit conversion keeps JavaScript's two roundings.
 */
function unfused(e: GoExpr): GoExpr {
  if (e.product && e.type.k === "float") return expr(`float64(${e.code})`, FLOAT, Prec.Primary, { pure: e.pure });
  return e;
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
  if (bothInt && (op === K.PlusToken || op === K.MinusToken)) {
    return expr(`${paren(left, Prec.Add)} ${ts.tokenToString(op)} ${paren(right, Prec.Add + 1)}`, INT, Prec.Add, { pure });
  }
  left = toFloat(left);
  right = toFloat(right);
  switch (op) {
    case K.PercentToken:
      ctx.use("math");
      return expr(`math.Mod(${left.code}, ${right.code})`, FLOAT, Prec.Primary, { pure });
    case K.AsteriskAsteriskToken:
      ctx.use("js");
      return expr(`js.Pow(${left.code}, ${right.code})`, FLOAT, Prec.Primary, { pure });
  }
  if (op === K.PlusToken || op === K.MinusToken) {
    left = unfused(left);
    right = unfused(right);
  }
  const prec = op === K.PlusToken || op === K.MinusToken ? Prec.Add : Prec.Mul;
  // A constant next to a float64 operand takes its type from it; division stays floating point.
  const leftCode = left.untyped && right.untyped ? typedForInference(left) : left;
  return expr(`${paren(leftCode, prec)} ${ts.tokenToString(op)} ${paren(right, prec + 1)}`, FLOAT, prec, { pure, product: op === K.AsteriskToken });
}

function bitwise(ctx: TransformContext, op: ts.SyntaxKind, l: GoExpr, r: GoExpr, node: ts.Node): GoExpr {
  const left = toFloat(numeric(ctx, l, node));
  const right = toFloat(numeric(ctx, r, node));
  if (left.num !== undefined && right.num !== undefined) return numberConstant(ctx, foldNumbers(op, left.num, right.num)!);
  ctx.use("js");
  const pure = left.pure && right.pure;
  const i32 = (e: GoExpr) => (e.num !== undefined ? `int32(${e.num | 0})` : `js.ToInt32(${e.code})`);
  const u32 = (e: GoExpr) => (e.num !== undefined ? `uint32(${e.num >>> 0})` : `js.ToUint32(${e.code})`);
  const shift = (e: GoExpr) => (e.num !== undefined ? String((e.num >>> 0) & 31) : `(${u32(e)} & 31)`);
  switch (op) {
    case K.AmpersandToken:
    case K.BarToken:
    case K.CaretToken:
      return expr(`float64(${i32(left)} ${ts.tokenToString(op)} ${i32(right)})`, FLOAT, Prec.Primary, { pure });
    case K.LessThanLessThanToken:
      return expr(`float64(${i32(left)} << ${shift(right)})`, FLOAT, Prec.Primary, { pure });
    case K.GreaterThanGreaterThanToken:
      return expr(`float64(${i32(left)} >> ${shift(right)})`, FLOAT, Prec.Primary, { pure });
    default:
      return expr(`float64(${u32(left)} >> ${shift(right)})`, FLOAT, Prec.Primary, { pure });
  }
}

/** Whether a constant string has only characters below U+D800 (Go's byte order is then UTF-16 order). */
function lowBmpConstant(e: GoExpr): boolean {
  return e.str !== undefined && [...e.str].every((c) => c.charCodeAt(0) < 0xd800);
}

function comparison(ctx: TransformContext, op: ts.SyntaxKind, l: GoExpr, r: GoExpr, node: ts.Node): GoExpr {
  const token = ts.tokenToString(op)!;
  const lt = l.type.k === "opt" ? l.type.inner : l.type;
  const rt = r.type.k === "opt" ? r.type.inner : r.type;
  if (lt.k === "string" && rt.k === "string") {
    const left = deref(l);
    const right = deref(r);
    if (left.str !== undefined && right.str !== undefined) {
      const a = left.str;
      const b = right.str;
      const v = op === K.LessThanToken ? a < b : op === K.GreaterThanToken ? a > b : op === K.LessThanEqualsToken ? a <= b : a >= b;
      return expr(String(v), BOOL, Prec.Primary, { pure: true });
    }
    if (lowBmpConstant(left) || lowBmpConstant(right)) {
      return expr(`${paren(left, Prec.Compare + 1)} ${token} ${paren(right, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: left.pure && right.pure });
    }
    ctx.use("js");
    return expr(`js.CompareStrings(${left.code}, ${right.code}) ${token} 0`, BOOL, Prec.Compare, { pure: left.pure && right.pure });
  }
  // Two values of one Go integer enum (log levels, statuses) compare as they are.
  if (l.type.k === "api" && r.type.k === "api" && l.type.name === r.type.name) {
    return expr(`${paren(l, Prec.Compare + 1)} ${token} ${paren(r, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: l.pure && r.pure });
  }
  // Two values of one Go integer enum (log levels, statuses) compare as they are.
  if (l.type.k === "api" && r.type.k === "api" && l.type.name === r.type.name) {
    return expr(`${paren(l, Prec.Compare + 1)} ${token} ${paren(r, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: l.pure && r.pure });
  }
  let left = numeric(ctx, l, node);
  let right = numeric(ctx, r, node);
  if (left.num !== undefined && right.num !== undefined) {
    const a = left.num;
    const b = right.num;
    const v = op === K.LessThanToken ? a < b : op === K.GreaterThanToken ? a > b : op === K.LessThanEqualsToken ? a <= b : a >= b;
    return expr(String(v), BOOL, Prec.Primary, { pure: true });
  }
  if (!(intLike(left) && intLike(right))) {
    left = toFloat(left);
    right = toFloat(right);
  }
  return expr(`${paren(left, Prec.Compare + 1)} ${token} ${paren(right, Prec.Compare + 1)}`, BOOL, Prec.Compare, { pure: left.pure && right.pure });
}

function isNullishLiteral(node: ts.Expression): boolean {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node.kind === K.NullKeyword || (ts.isIdentifier(node) && node.text === "undefined");
}

/** `==` / `!=`: `x == null` tests for null or undefined; otherwise only between operands of one type. */
function looseEquality(ctx: TransformContext, node: ts.BinaryExpression, negate: boolean): GoExpr {
  const [left, right] = ctx.exprList([node.left, node.right], (n) => lowerExpr(ctx, n));
  if (isNullishLiteral(node.left) || isNullishLiteral(node.right)) {
    const other = isNullishLiteral(node.right) ? left! : right!;
    const e = isNullish(ctx, other);
    return negate ? not(e) : e;
  }
  const lt = left!.type.k === "int" ? FLOAT : left!.type;
  const rt = right!.type.k === "int" ? FLOAT : right!.type;
  // Values of several types (1 == "1") need JavaScript's coercions: only === is compiled for them.
  if (lt.k === "dyn" || rt.k === "dyn" || (!sameType(lt, rt) && !(lt.k === "float" && rt.k === "float") && !(lt.k === "string" && rt.k === "string"))) {
    unsupported(node, "MTS2014", negate ? "!=" : "==");
  }
  return equality(ctx, left!, right!, negate, node);
}

/** `x == null`: x is null or undefined. */
export function isNullish(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  if (t.k === "nil" || t.k === "null" || t.k === "void") {
    if (e.call) ctx.addPreceding(simple(e.code));
    return expr("true", BOOL, Prec.Primary, { pure: true });
  }
  if (t.k === "dyn") {
    ctx.use("js");
    return expr(`js.IsNullish(${e.code})`, BOOL, Prec.Primary, { call: true, pure: e.pure });
  }
  if (t.k === "opt" || isNilable(t)) return expr(`${paren(e, Prec.Compare + 1)} == nil`, BOOL, Prec.Compare, { pure: e.pure });
  if (e.call) ctx.addPreceding(simple(e.code));
  return expr("false", BOOL, Prec.Primary, { pure: true });
}

/** Whether a string constant is plain enough for Go's == to be JavaScript's === against any string. */
function plainStringConstant(e: GoExpr): boolean {
  return e.str !== undefined && ![...e.str].some((c) => c.codePointAt(0)! > 0xffff || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff));
}

/** === and !==. */
export function equality(ctx: TransformContext, l: GoExpr, r: GoExpr, negate: boolean, node: ts.Node): GoExpr {
  const eq = negate ? "!=" : "==";
  const result = (code: string, prec = Prec.Compare, pure = l.pure && r.pure) => expr(code, BOOL, prec, { pure });
  const constant = (v: boolean) => expr(String(negate ? !v : v), BOOL, Prec.Primary, { pure: true });
  const lk = l.type.k;
  const rk = r.type.k;
  if (l.num !== undefined && r.num !== undefined) return constant(l.num === r.num);
  if (l.str !== undefined && r.str !== undefined) return constant(l.str === r.str);
  // undefined / null literals.
  for (const [a, b] of [[l, r], [r, l]] as const) {
    if (a.type.k === "nil" || a.type.k === "null") {
      const isNull = a.type.k === "null";
      if (b.type.k === "nil" || b.type.k === "null") return constant(b.type.k === a.type.k);
      if (b.type.k === "void") {
        if (b.call) ctx.addPreceding(simple(b.code));
        return constant(!isNull);
      }
      if (b.type.k === "dyn") {
        if (isNull) ctx.use("js");
        return result(`${paren(b, Prec.Compare + 1)} ${eq} ${isNull ? "js.Null" : "nil"}`);
      }
      if (b.type.k === "opt") {
        if ((b.type.nil === "null") !== isNull) {
          if (b.call) ctx.addPreceding(simple(b.code));
          return constant(false);
        }
        return result(`${paren(b, Prec.Compare + 1)} ${eq} nil`);
      }
      if (isNilable(b.type) && !isNull) return result(`${paren(b, Prec.Compare + 1)} ${eq} nil`);
      if (b.call) ctx.addPreceding(simple(b.code));
      return constant(false);
    }
  }
  if (lk === "void" || rk === "void") {
    const other = lk === "void" ? r : l;
    const self = lk === "void" ? l : r;
    if (self.call) ctx.addPreceding(simple(self.code));
    return equality(ctx, lk === "void" ? expr("nil", { k: "nil" }) : l, rk === "void" ? expr("nil", { k: "nil" }) : r, negate, node) ?? other;
  }
  if (lk === "dyn" || rk === "dyn") {
    const [d, o] = lk === "dyn" ? [l, r] : [r, l];
    ctx.use("js");
    if ((o.type.k === "float" || o.type.k === "int") && o.num !== undefined) {
      return result(`${paren(d, Prec.Compare + 1)} ${eq} ${typedForInference(toFloat(o)).code.replace(/^(\d+)$/, "float64($1)")}`);
    }
    if (o.type.k === "string" && plainStringConstant(o)) return result(`${paren(d, Prec.Compare + 1)} ${eq} ${o.code}`);
    if (o.type.k === "bool" && (o.code === "true" || o.code === "false")) return result(`${paren(d, Prec.Compare + 1)} ${eq} ${o.code}`);
    const call = expr(`js.StrictEquals(${d.code}, ${box(ctx, o).code})`, BOOL, Prec.Primary, { call: true });
    return negate ? not(call) : call;
  }
  if (lk === "opt" || rk === "opt") {
    const [p, v] = lk === "opt" ? [l, r] : [r, l];
    const pt = p.type as Extract<GoType, { k: "opt" }>;
    if (!isPrimitive(pt.inner)) {
      const other = v.type.k === "opt" ? v : convert(ctx, v, pt, node);
      return result(`${paren(p, Prec.Compare + 1)} ${eq} ${paren(other, Prec.Compare + 1)}`);
    }
    ctx.use("js");
    let call: GoExpr;
    if (v.type.k === "opt") {
      if (v.type.nil !== pt.nil) return constant(false);
      call = expr(`js.PtrEqualsPtr(${p.code}, ${v.code})`, BOOL, Prec.Primary, { call: true });
    } else {
      const inner = convert(ctx, v, pt.inner, node);
      call = expr(`js.PtrEquals(${p.code}, ${typedForInference(inner).code})`, BOOL, Prec.Primary, { call: true });
    }
    return negate ? not(call) : call;
  }
  let left = l;
  let right = r;
  if ((lk === "int") !== (rk === "int") && !(intLike(left) && intLike(right))) {
    left = toFloat(left);
    right = toFloat(right);
  }
  if (left.type.k === "string" && right.type.k === "string" && !plainStringConstant(left) && !plainStringConstant(right)) {
    ctx.use("js");
    const call = expr(`js.StringsEqual(${left.code}, ${right.code})`, BOOL, Prec.Primary, { call: true, pure: left.pure && right.pure });
    return negate ? not(call) : call;
  }
  if (left.type.k === "func" || right.type.k === "func") {
    ctx.use("js");
    const call = expr(`js.StrictEquals(${box(ctx, left).code}, ${box(ctx, right).code})`, BOOL, Prec.Primary, { call: true });
    return negate ? not(call) : call;
  }
  if (!sameType(left.type.k === "int" ? FLOAT : left.type, right.type.k === "int" ? FLOAT : right.type)) {
    // Different class views of one hierarchy, or values TypeScript lets compare: compare as JS values.
    if ((classOf(ctx, left.type) || left.type.k === "iface") && (classOf(ctx, right.type) || right.type.k === "iface")) {
      ctx.use("js");
      const call = expr(`js.StrictEquals(${box(ctx, left).code}, ${box(ctx, right).code})`, BOOL, Prec.Primary, { call: true });
      return negate ? not(call) : call;
    }
    if (!(left.type.k === "float" && right.type.k === "float") && !(left.type.k === "string" && right.type.k === "string")) {
      unsupported(node, "MTS2014", negate ? "!==" : "===");
    }
  }
  return result(`${paren(left, Prec.Compare + 1)} ${eq} ${paren(right, Prec.Compare + 1)}`);
}

export { truthy, STRING };
