import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { STRING, typeKey } from "../../go/types.js";
import { convert, toFloat, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { describeType, schemaExpression } from "../config/descriptor.js";
import { lowerExpr } from "../expressions/index.js";
import { unexported, uniqueName } from "../../go/names.js";

export function isJsonParseCall(ctx: TransformContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const target = node.expression;
  if (!ts.isIdentifier(target.expression) || target.expression.text !== "JSON" || target.name.text !== "parse") return false;
  return ctx.isLibSymbol(ctx.symbolOf(target.expression));
}

/** JSON.stringify(value[, null[, space]]). */
export function lowerJsonStringify(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const [valueNode, replacer, space] = node.arguments;
  if (!valueNode) return unsupported(node, "MTS2030");
  if (replacer && replacer.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(replacer) && replacer.text === "undefined")) {
    unsupported(replacer, "MTS2017", "a JSON.stringify replacer", "Build the object you want to serialize.");
  }
  const t = ctx.checker.getTypeAtLocation(valueNode);
  const mayBeUndefined = (x: ts.Type): boolean =>
    (x.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0 || x.getCallSignatures().length > 0 || (x.isUnion() && x.types.some(mayBeUndefined));
  if (mayBeUndefined(t)) unsupported(valueNode, "MTS2030");
  const value = typedForInference(toFloat(lowerExpr(ctx, valueNode)));
  ctx.use("js");
  if (!space) return expr(`js.JSONStringify(${value.code})`, STRING, Prec.Primary, { call: true });
  let indent: string;
  if (ts.isNumericLiteral(space)) indent = stringLiteral(" ".repeat(Math.min(10, Math.max(0, Math.trunc(Number(space.text))))));
  else if (ts.isStringLiteral(space)) indent = stringLiteral(space.text.slice(0, 10));
  else {
    const s = lowerExpr(ctx, space);
    indent = s.type.k === "string" ? `js.Slice(${s.code}, 0, 10)` : `js.JSONIndent(${toFloat(s).code})`;
  }
  return expr(`js.JSONStringifyIndent(${value.code}, ${indent})`, STRING, Prec.Primary, { call: true });
}

/**
 * JSON.parse(text) into the declared type: `JSON.parse(s) as T`, or the annotated
 * variable it initializes. The document is validated against T.
 */
export function lowerJsonParse(ctx: TransformContext, node: ts.CallExpression, asNode: ts.Node | undefined): GoExpr {
  const typeNode = asNode ?? node;
  let tsType: ts.Type | undefined;
  if (asNode) tsType = ctx.checker.getTypeAtLocation(asNode);
  else {
    const contextual = ctx.checker.getContextualType(node);
    if (contextual && !(contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) tsType = contextual;
  }
  if (!tsType || tsType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return unsupported(node, "MTS2029");
  if (node.arguments.length !== 1) unsupported(node, "MTS2017", "a JSON.parse reviver", "Transform the parsed value afterwards.");
  const goType = ctx.types.map(tsType, typeNode);
  const schema = schemaVar(ctx, tsType, typeNode);
  const text = convert(ctx, lowerExpr(ctx, node.arguments[0]!), STRING, node.arguments[0]!);
  ctx.use("js");
  return expr(`js.ParseJSON[${ctx.render(goType)}](${text.code}, ${schema})`, goType, Prec.Primary, { call: true });
}

const schemaVars = new WeakMap<TransformContext, Map<string, string>>();

/** A package-level variable holding the schema of a type (one per type). */
export function schemaVar(ctx: TransformContext, tsType: ts.Type, at: ts.Node, preferredName?: string): string {
  const descriptor = describeType(ctx, tsType, at);
  const key = JSON.stringify(descriptor) + typeKey(ctx.types.map(tsType, at));
  let byKey = schemaVars.get(ctx);
  if (!byKey) schemaVars.set(ctx, (byKey = new Map()));
  const existing = byKey.get(key);
  if (existing) return existing;
  const base = preferredName ?? (descriptor.kind === "object" && descriptor.name ? `${unexported(descriptor.name)}Schema` : "schema");
  const name = uniqueName(base, ctx.packageNames);
  byKey.set(key, name);
  ctx.use("js");
  ctx.file.addDecl(at.getSourceFile().statements.end + 1, `var ${name} = ${schemaExpression(descriptor)}\n`);
  return name;
}
