import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { type AnonField, type GoType, optionalOf, structLiteralType } from "../../go/types.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";

/** The fields of the struct behind an object type (generated interface struct or literal). */
export function structFields(ctx: TransformContext, t: GoType): AnonField[] | undefined {
  if (t.k === "anon") return t.fields;
  if (t.k === "struct") {
    for (const info of ctx.types.structs.values()) if (info.goName === t.name) return info.fields;
  }
  return undefined;
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  const name = p.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * `{ a: 1, b: "x" }` typed by an interface (or by itself): `&Struct{A: 1, B: "x"}`. The
 * properties must follow the declaration order, which is the order JSON.stringify and
 * console.log print in Go.
 */
export function lowerObjectLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression): GoExpr {
  let contextual = ctx.checker.getContextualType(node);
  if (contextual && contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) contextual = undefined;
  let target = contextual ? ctx.attempt(() => ctx.types.map(contextual!, node), () => ctx.types.typeAt(node)) : ctx.types.typeAt(node);
  if (target.k === "opt") target = target.inner;
  let fields = structFields(ctx, target);
  if (!fields) {
    target = ctx.types.typeAt(node);
    fields = structFields(ctx, target);
  }
  if (!fields) return unsupported(node, "MTS2020", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)), ctx.render(target));
  const props = node.properties;
  for (const p of props) {
    if (ts.isSpreadAssignment(p)) unsupported(p, "MTS2011");
    if (ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) unsupported(p, "MTS2039");
    if (propertyName(p) === undefined) unsupported(p, "MTS2002", "computed property name");
  }
  // Declaration order check.
  let lastIndex = -1;
  let lastName = "";
  for (const p of props) {
    const name = propertyName(p)!;
    const idx = fields.findIndex((f) => f.name === name);
    if (idx < lastIndex) {
      const typeName = target.k === "struct" ? target.name : "object literal";
      unsupported(p, "MTS2019", typeName, name, lastName);
    }
    lastIndex = idx;
    lastName = name;
  }
  const values = ctx.exprList(props, (p) => {
    const name = propertyName(p)!;
    const field = fields!.find((f) => f.name === name)!;
    const valueNode = ts.isShorthandPropertyAssignment(p) ? p.name : (p as ts.PropertyAssignment).initializer;
    const storage = field.optional ? optionalOf(field.type) : field.type;
    const lowered = lowerExpr(ctx, valueNode);
    if (lowered.type.k === "nil") return lowered;
    return convert(ctx, lowered, storage, valueNode);
  });
  const parts: string[] = [];
  props.forEach((p, i) => {
    const field = fields!.find((f) => f.name === propertyName(p))!;
    if (values[i]!.code !== "nil") parts.push(`${field.goName}: ${values[i]!.code}`);
  });
  const literalType = structLiteralType(target, ctx.file.use);
  const body = parts.length > 2 || literalType.includes("\n") ? `{\n${parts.join(",\n")},\n}` : `{${parts.join(", ")}}`;
  return expr(`&${literalType}${parts.length === 0 ? "{}" : body}`, target, Prec.Unary, { pure: false });
}
