import { ts } from "ts-morph";
import type { TransformContext } from "./context.js";

/**
 * Numbers are float64, but a variable that provably only ever holds small integers
 * (loop counters, lengths) is a Go int, so `for (let i = 0; i < a.length; i++)` stays
 * a plain Go loop. Decided syntactically: an integer initializer, and every write is
 * ++, --, or = / += / -= of an integer expression.
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
  if (ts.isPropertyAccessExpression(e) && (e.name.text === "length" || e.name.text === "size")) {
    const t = ctx.checker.getTypeAtLocation(e.expression);
    if (e.name.text === "length") return (t.flags & ts.TypeFlags.StringLike) !== 0 || ctx.checker.isArrayType(t);
    const name = t.getSymbol()?.name;
    return name === "Map" || name === "Set";
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.MinusToken) {
      return isIntExpression(ctx, e.left, assumed) && isIntExpression(ctx, e.right, assumed);
    }
  }
  return false;
}

export function shouldBeInt(ctx: TransformContext, decl: ts.VariableDeclaration): boolean {
  if (!decl.initializer || !ts.isIdentifier(decl.name)) return false;
  const sym = ctx.symbolOf(decl.name);
  if (!sym) return false;
  if (!isIntExpression(ctx, decl.initializer, sym)) return false;
  const declType = ctx.checker.getTypeAtLocation(decl.name);
  if (!(declType.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral))) return false;
  let scope: ts.Node = decl;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let ok = true;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(n) && n !== decl.name && n.text === decl.name.getText() && ctx.symbolOf(n) === sym) {
      const p = n.parent;
      if (ts.isBinaryExpression(p) && p.left === n) {
        const op = p.operatorToken.kind;
        if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken) {
          if (!isIntExpression(ctx, p.right, sym)) ok = false;
        } else if (op >= ts.SyntaxKind.FirstCompoundAssignment && op <= ts.SyntaxKind.LastCompoundAssignment) ok = false;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return ok;
}
