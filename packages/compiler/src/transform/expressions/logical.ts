import { ts } from "ts-morph";
import { Unsupported, snippet, unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import type { GoStmt } from "../../go/ir.js";
import { BOOL, DYN, type GoType, isPrimitive } from "../../go/types.js";
import { convert, deref, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";
import { isNullish } from "./binary.js";

/** A readable base name for a temporary holding `node`'s value. */
export function tempBase(node: ts.Expression, fallback: string): string {
  let n: ts.Expression = node;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n)) n = n.expression;
  if (ts.isIdentifier(n)) return n.text;
  if (ts.isPropertyAccessExpression(n)) return n.name.text;
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) return n.expression.name.text;
  return fallback;
}

/**
 * `a && b`, `a || b`. Between booleans without side effects in `b`, Go's operators; with
 * values of other types (`name || "anonymous"`), a temporary and an if statement.
 */
export function lowerLogical(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const isAnd = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  const resultType = valueStorage(ctx.types.typeAt(node));
  const left = lowerExpr(ctx, node.left);
  const [pre, right] = ctx.capture(() => lowerExpr(ctx, node.right));
  if (resultType.k === "bool" && left.type.k === "bool" && right.type.k === "bool" && pre.length === 0) {
    // A constant left side decides (true && x is x; false && x is false): go vet flags `true && true`.
    if (left.code === "true" || left.code === "false") {
      if ((left.code === "true") === isAnd) return right;
      return left;
    }
    const prec = isAnd ? Prec.AndAnd : Prec.OrOr;
    return expr(`${paren(left, prec)} ${isAnd ? "&&" : "||"} ${paren(right, prec + 1)}`, resultType, prec, { pure: left.pure && right.pure });
  }
  if (isBooleanContext(node)) {
    // Only the truthiness is used (an if condition): a && b ≡ truthy(a) && truthy(b), whatever
    // the operands' types (`if (r.o && r.o.x > 0)` with r.o an optional object).
    const l = truthy(ctx, left);
    if (pre.length === 0) {
      const r = truthy(ctx, right);
      const prec = isAnd ? Prec.AndAnd : Prec.OrOr;
      return expr(`${paren(l, prec)} ${isAnd ? "&&" : "||"} ${paren(r, prec + 1)}`, BOOL, prec, { pure: l.pure && r.pure });
    }
    const v = ctx.temp(tempBase(node.left, "ok"));
    ctx.addPreceding({ kind: "simple", code: `${v} := ${l.code}` });
    const [pre2, r] = ctx.capture(() => truthy(ctx, right));
    ctx.addPreceding({ kind: "if", cond: isAnd ? v : `!${v}`, then: [...pre, ...pre2, { kind: "simple", code: `${v} = ${r.code}` }] });
    return expr(v, BOOL, Prec.Primary, { pure: true });
  }
  const saved = left.pure ? left : ctx.saveInTemp(left, tempBase(node.left, "v"));
  const v = ctx.temp(tempBase(node.left, "v"));
  const cond = truthy(ctx, saved);
  const [leftValue, [pre3, rightValue]] = mixedValues(ctx, node, () => [
    isAnd ? convert(ctx, saved, resultType, node) : convert(ctx, narrowTruthy(saved), resultType, node),
    ctx.capture(() => convert(ctx, right, resultType, node.right)),
  ]);
  const assignRight: GoStmt[] = [...pre, ...pre3, { kind: "simple", code: `${v} = ${rightValue.code}` }];
  ctx.addPreceding({ kind: "simple", code: `var ${v} ${ctx.render(resultType)}` });
  ctx.addPreceding({
    kind: "if",
    cond: isAnd ? cond.code : not(cond).code,
    then: assignRight,
    else: [{ kind: "simple", code: `${v} = ${leftValue.code}` }],
  });
  return expr(v, resultType, Prec.Primary, { pure: true });
}

/**
 * Runs fn (the conversions of both operands to the result type); when an operand cannot be
 * held as the result (`r.o && r.o.x > 0` as a value: an object or a boolean), reports MTS2052
 * with the rewrite that compiles instead of the generic MTS2020.
 */
function mixedValues<T>(ctx: TransformContext, node: ts.BinaryExpression, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof Unsupported) || e.diagnostic.code !== "MTS2020") throw e;
    const isAnd = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
    const left = snippet(node.left);
    const right = snippet(node.right);
    const rewrite = isAnd ? `'${left} !== undefined && ${right}'` : `'${left} !== undefined || ${right}'`;
    const test = ctx.checker.getTypeAtLocation(node.left);
    const nullable = test.isUnion() && test.types.some((t) => t.flags & ts.TypeFlags.Null);
    const fix = nullable ? rewrite.replace("!== undefined", "!= null") : rewrite;
    const typeText = (n: ts.Expression) => ctx.checker.typeToString(ctx.checker.getTypeAtLocation(n));
    return unsupported(node, "MTS2052", snippet(node), typeText(node.left), typeText(node.right), fix);
  }
}

/** Whether only the truthiness of node's value is used (if/while conditions, !, nested && ||). */
function isBooleanContext(node: ts.Node): boolean {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p)) {
      n = p;
      continue;
    }
    if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) return true;
    if (ts.isForStatement(p) && p.condition === n) return true;
    if (ts.isConditionalExpression(p) && p.condition === n) return true;
    if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
    if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      n = p;
      continue;
    }
    return false;
  }
}

/** In `a || b`, a's value is used only when truthy, so an optional is defined there. */
function narrowTruthy(e: GoExpr): GoExpr {
  return e.type.k === "opt" ? deref(e) : e;
}

/** `a ?? b`: b (evaluated only when needed) unless a is defined. */
export function lowerNullish(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const resultType = valueStorage(ctx.types.typeAt(node));
  const left = lowerExpr(ctx, node.left);
  if (left.type.k !== "opt" && left.type.k !== "dyn" && left.type.k !== "nil" && left.type.k !== "null" && left.type.k !== "void") {
    return convert(ctx, left, resultType, node); // never null or undefined
  }
  const [pre, right] = ctx.capture(() => lowerExpr(ctx, node.right));
  const saved = left.pure ? left : ctx.saveInTemp(left, tempBase(node.left, "v"));
  const v = ctx.temp(`${tempBase(node.left, "value")}OrDefault`);
  const cond = isNullish(ctx, saved);
  const defined = saved.type.k === "opt" ? convert(ctx, deref(saved), resultType, node) : convert(ctx, saved, resultType, node);
  const [pre2, fallback] = ctx.capture(() => convert(ctx, right, resultType, node.right));
  const simple = right.num !== undefined || right.str !== undefined || /^(true|false|[A-Za-z_][A-Za-z0-9_]*)$/.test(right.code);
  if (pre.length === 0 && pre2.length === 0 && simple && fallback.code !== "nil") {
    const init = resultType.k === "float" ? typedForInference(fallback) : fallback;
    const declare = resultType.k === "dyn" || resultType.k === "iface" || (resultType.k === "opt" && isPrimitive(resultType.inner) && !init.code.startsWith("js.Ptr("));
    ctx.addPreceding({ kind: "simple", code: declare ? `var ${v} ${ctx.render(resultType)} = ${init.code}` : `${v} := ${init.code}` });
    ctx.addPreceding({ kind: "if", cond: not(cond).code, then: [{ kind: "simple", code: `${v} = ${defined.code}` }] });
  } else {
    ctx.addPreceding({ kind: "simple", code: `var ${v} ${ctx.render(resultType)}` });
    ctx.addPreceding({
      kind: "if",
      cond: not(cond).code,
      then: [{ kind: "simple", code: `${v} = ${defined.code}` }],
      else: [...pre, ...pre2, { kind: "simple", code: `${v} = ${fallback.code}` }],
    });
  }
  return expr(v, resultType, Prec.Primary, { pure: true });
}

/**
 * The Go type a temporary holding an expression's value is declared with: a value TypeScript
 * types as only `undefined` (`false || undefined`) has no Go type of its own, so it is held
 * as `any` (nil is undefined).
 */
export function valueStorage(t: GoType): GoType {
  return t.k === "void" ? DYN : t;
}
