import { ts } from "ts-morph";
import type { TransformContext } from "./context.js";

/**
 * Numbers are float64, but a variable that provably only ever holds small integers
 * (loop counters, lengths, indices) is a Go int, so `for (let i = 0; i < a.length; i++)`
 * stays a plain Go loop. Decided syntactically, and it must be sound: a Go int that
 * outgrows 2^53 no longer matches float64 arithmetic (and wraps at 2^63).
 *
 * Growth can only compound through a variable feeding its own next value, so the rule is:
 * an integer initializer, and every write is one of
 *   - `x++` / `x--`, or `x += k` / `x -= k` / `x = x ± k` with `k` a constant step
 *     (a small literal, or a `.length` / `.size`): linear growth, which cannot pass 2^53
 *     in any feasible number of steps;
 *   - `x = e` with `e` an integer expression that does not read `x` (a reset).
 * `x += x`, `x = x + x`, `x += y` (y a variable) compound and make `x` a float64. A
 * variable is only ever an int if the ints it reads were decided before it, so growth
 * cannot cycle through two variables either.
 */
export function isIntExpression(ctx: TransformContext, e: ts.Expression, assumed?: ts.Symbol): boolean {
  if (ts.isParenthesizedExpression(e)) return isIntExpression(ctx, e.expression, assumed);
  if (ts.isNumericLiteral(e)) {
    const v = Number(e.text);
    return Number.isInteger(v) && Math.abs(v) < 2 ** 31;
  }
  // Negation can make -0, which a Go int cannot hold: only a non-zero literal is negated.
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(e.operand) && Number(e.operand.text) !== 0 && isIntExpression(ctx, e.operand, assumed);
  if (ts.isIdentifier(e)) {
    const sym = ctx.symbolOf(e);
    if (sym && sym === assumed) return true;
    return sym !== undefined && ctx.vars.get(sym)?.type.k === "int";
  }
  if (isSizeAccess(ctx, e)) return true;
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) {
      return isIntExpression(ctx, e.left, assumed) && isIntExpression(ctx, e.right, assumed);
    }
  }
  return false;
}

/** `s.length` of a string or array, `m.size` of a Map or Set: a non-negative int. */
function isSizeAccess(ctx: TransformContext, e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e) || (e.name.text !== "length" && e.name.text !== "size")) return false;
  const t = ctx.checker.getTypeAtLocation(e.expression);
  if (e.name.text === "length") return (t.flags & ts.TypeFlags.StringLike) !== 0 || ctx.checker.isArrayType(t);
  const name = t.getSymbol()?.name;
  return name === "Map" || name === "Set";
}

/** An integer that does not depend on any variable: adding it repeatedly grows linearly. */
function isConstantStep(ctx: TransformContext, e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e)) return isConstantStep(ctx, e.expression);
  if (ts.isNumericLiteral(e) || ts.isPrefixUnaryExpression(e)) return isIntExpression(ctx, e);
  return isSizeAccess(ctx, e);
}

function reads(ctx: TransformContext, e: ts.Node, sym: ts.Symbol): boolean {
  if (ts.isIdentifier(e) && ctx.symbolOf(e) === sym) return true;
  return ts.forEachChild(e, (c) => reads(ctx, c, sym) || undefined) ?? false;
}

function unparen(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? unparen(e.expression) : e;
}

/** `x + k`, `k + x` or `x - k` with `k` a constant step. */
function isStepOf(ctx: TransformContext, e: ts.Expression, sym: ts.Symbol): boolean {
  const b = unparen(e);
  if (!ts.isBinaryExpression(b)) return false;
  const op = b.operatorToken.kind;
  const isSelf = (x: ts.Expression): boolean => {
    const u = unparen(x);
    return ts.isIdentifier(u) && ctx.symbolOf(u) === sym;
  };
  if (op === ts.SyntaxKind.PlusToken) return (isSelf(b.left) && isConstantStep(ctx, b.right)) || (isSelf(b.right) && isConstantStep(ctx, b.left));
  return op === ts.SyntaxKind.MinusToken && isSelf(b.left) && isConstantStep(ctx, b.right);
}

/**
 * The node a written identifier is assigned through: the `=` or compound assignment whose
 * left side it is, a destructuring pattern's assignment, or a for-of/for-in head.
 * Undefined when the identifier is only read.
 */
function writeSite(n: ts.Identifier): { direct: boolean; node: ts.Node } | undefined {
  let child: ts.Node = n;
  let p = n.parent;
  let direct = true;
  for (;;) {
    if (ts.isParenthesizedExpression(p)) {
      child = p;
      p = p.parent;
      continue;
    }
    const inPattern =
      ts.isArrayLiteralExpression(p) ||
      ts.isObjectLiteralExpression(p) ||
      ts.isSpreadElement(p) ||
      ts.isSpreadAssignment(p) ||
      (ts.isShorthandPropertyAssignment(p) && p.name === child) ||
      (ts.isPropertyAssignment(p) && p.initializer === child) ||
      // `[x = 1] = a`: a default inside a pattern.
      (ts.isBinaryExpression(p) && p.left === child && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isArrayLiteralExpression(p.parent) || ts.isPropertyAssignment(p.parent)));
    if (inPattern) {
      direct = false;
      child = p;
      p = p.parent;
      continue;
    }
    break;
  }
  if (ts.isBinaryExpression(p) && p.left === child) {
    const op = p.operatorToken.kind;
    if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return { direct, node: p };
  }
  if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === child) return { direct: false, node: p };
  return undefined;
}

function isIntWrite(ctx: TransformContext, site: { direct: boolean; node: ts.Node }, sym: ts.Symbol): boolean {
  // Destructuring and for-of/for-in assign values this analysis cannot see.
  if (!site.direct || !ts.isBinaryExpression(site.node)) return false;
  const { operatorToken, right } = site.node;
  switch (operatorToken.kind) {
    case ts.SyntaxKind.EqualsToken:
      if (!isIntExpression(ctx, right, sym)) return false;
      return !reads(ctx, right, sym) || isStepOf(ctx, right, sym);
    case ts.SyntaxKind.PlusEqualsToken:
    case ts.SyntaxKind.MinusEqualsToken:
      return isConstantStep(ctx, right);
    default:
      return false;
  }
}

export function shouldBeInt(ctx: TransformContext, decl: ts.VariableDeclaration): boolean {
  if (!decl.initializer || !ts.isIdentifier(decl.name)) return false;
  const sym = ctx.symbolOf(decl.name);
  if (!sym) return false;
  if (!isIntExpression(ctx, decl.initializer)) return false;
  const declType = ctx.checker.getTypeAtLocation(decl.name);
  if (!(declType.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral))) return false;
  let scope: ts.Node = decl;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const name = decl.name.text;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== decl.name && n.text === name && ctx.symbolOf(n) === sym) {
      const site = writeSite(n);
      if (site && !isIntWrite(ctx, site, sym)) ok = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return ok;
}
