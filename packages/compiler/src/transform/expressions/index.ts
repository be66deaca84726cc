import { ts } from "ts-morph";
import { snippet, unsupported } from "../../diagnostics/factory.js";
import { lowering } from "../../diagnostics/internal-error.js";
import type { GoExpr } from "../../go/expr.js";
import type { TransformContext } from "../context.js";
import { lowerRegexLiteral } from "../builtins/regexp.js";
import { isFilterLiteral, lowerFilterLiteral } from "../sdk/filter-literal.js";
import { lowerArrayLiteral } from "./array-literal.js";
import { lowerAsExpression, lowerNonNull, lowerParenthesized } from "./assertions.js";
import { lowerAwait } from "./await.js";
import { lowerBinary } from "./binary.js";
import { lowerCall } from "./call.js";
import { lowerConditional } from "./conditional.js";
import { lowerElementAccess } from "./element-access.js";
import { lowerFunctionLiteral } from "./function-literal.js";
import { lowerIdentifier, lowerThis } from "./identifier.js";
import { lowerBooleanLiteral, lowerNull, lowerNumericLiteral, lowerStringLiteral } from "./literals.js";
import { lowerNew } from "./new.js";
import { lowerObjectLiteral } from "./object-literal.js";
import { isChainHead, lowerOptionalChain } from "./optional-chain.js";
import { lowerPropertyAccess } from "./property-access.js";
import { lowerTaggedTemplate, lowerTemplate } from "./template.js";
import { lowerDelete, lowerPostfixUnary, lowerPrefixUnary, lowerTypeOf, lowerVoid } from "./unary.js";

type Visitor = (ctx: TransformContext, node: never) => GoExpr;

/** One visitor per expression SyntaxKind. */
const visitors: Partial<Record<ts.SyntaxKind, Visitor>> = {
  [ts.SyntaxKind.NumericLiteral]: lowerNumericLiteral,
  [ts.SyntaxKind.StringLiteral]: lowerStringLiteral,
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: lowerStringLiteral,
  [ts.SyntaxKind.TrueKeyword]: lowerBooleanLiteral,
  [ts.SyntaxKind.FalseKeyword]: lowerBooleanLiteral,
  [ts.SyntaxKind.NullKeyword]: lowerNull,
  [ts.SyntaxKind.RegularExpressionLiteral]: lowerRegexLiteral,
  [ts.SyntaxKind.Identifier]: lowerIdentifier,
  [ts.SyntaxKind.ThisKeyword]: lowerThis,
  [ts.SyntaxKind.TemplateExpression]: lowerTemplate,
  [ts.SyntaxKind.TaggedTemplateExpression]: lowerTaggedTemplate,
  [ts.SyntaxKind.BinaryExpression]: lowerBinary,
  [ts.SyntaxKind.PrefixUnaryExpression]: lowerPrefixUnary,
  [ts.SyntaxKind.PostfixUnaryExpression]: lowerPostfixUnary,
  [ts.SyntaxKind.ParenthesizedExpression]: lowerParenthesized,
  [ts.SyntaxKind.AsExpression]: lowerAsExpression,
  [ts.SyntaxKind.TypeAssertionExpression]: lowerAsExpression,
  [ts.SyntaxKind.SatisfiesExpression]: lowerAsExpression,
  [ts.SyntaxKind.NonNullExpression]: lowerNonNull,
  [ts.SyntaxKind.ConditionalExpression]: lowerConditional,
  [ts.SyntaxKind.ArrowFunction]: lowerFunctionLiteral,
  [ts.SyntaxKind.FunctionExpression]: lowerFunctionLiteral,
  // A filter written as an object literal gets a Go type with hook methods (sdk/filter-literal.ts).
  [ts.SyntaxKind.ObjectLiteralExpression]: (ctx, node) => (isFilterLiteral(ctx, node) ? lowerFilterLiteral(ctx, node) : lowerObjectLiteral(ctx, node)),
  [ts.SyntaxKind.ArrayLiteralExpression]: lowerArrayLiteral,
  [ts.SyntaxKind.PropertyAccessExpression]: lowerPropertyAccess,
  [ts.SyntaxKind.ElementAccessExpression]: lowerElementAccess,
  [ts.SyntaxKind.CallExpression]: lowerCall,
  [ts.SyntaxKind.NewExpression]: lowerNew,
  [ts.SyntaxKind.AwaitExpression]: lowerAwait,
  [ts.SyntaxKind.TypeOfExpression]: lowerTypeOf,
  [ts.SyntaxKind.DeleteExpression]: lowerDelete,
  [ts.SyntaxKind.VoidExpression]: lowerVoid,
};

/** Lowers any expression to Go, or throws Unsupported with a coded diagnostic. */
export function lowerExpr(ctx: TransformContext, node: ts.Expression): GoExpr {
  const substitute = ctx.substitutions.get(node);
  if (substitute) return substitute;
  ctx.currentNode = node; // where conversions deep inside report their diagnostics
  return lowering(node, () => visitExpr(ctx, node));
}

function visitExpr(ctx: TransformContext, node: ts.Expression): GoExpr {
  if (node.kind === ts.SyntaxKind.BigIntLiteral) unsupported(node, "MTS2004", "bigint", "Use number (exact up to 2**53).");
  if (isChainHead(ctx, node)) return lowerOptionalChain(ctx, node);
  if (ts.isYieldExpression(node)) unsupported(node, "MTS2013", "yield");
  if (ts.isSpreadElement(node)) unsupported(node, "MTS2011");
  if (ts.isClassExpression(node)) unsupported(node, "MTS2038", "an expression");
  const visit = visitors[node.kind];
  if (!visit) return unsupported(node, "MTS2002", snippet(node));
  return visit(ctx, node as never);
}
