import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, numberLiteral, stringLiteral } from "../../go/expr.js";
import { unexported } from "../../go/names.js";
import { type GoType, STRING, typeKey } from "../../go/types.js";
import { box, convert, toFloat, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { describeType, schemaExpression } from "../config/descriptor.js";
import { lowerExpr } from "../expressions/index.js";
import { mayHoldError } from "./console.js";

export function isJsonParseCall(ctx: TransformContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const target = node.expression;
  if (!ts.isIdentifier(target.expression) || target.expression.text !== "JSON" || target.name.text !== "parse") return false;
  return ctx.isLibSymbol(ctx.symbolOf(target.expression));
}

/** Whether a value of this TypeScript type may be undefined or a function (JSON.stringify then returns undefined). */
function mayBeUndefined(t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Unknown)) return true;
  if (t.getCallSignatures().length > 0) return true;
  return t.isUnion() && t.types.some(mayBeUndefined);
}

/** JSON.stringify(value[, null[, space]]). */
export function lowerJsonStringify(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const [valueNode, replacer, space] = node.arguments;
  if (!valueNode) return unsupported(node, "MTS2030", "undefined");
  if (replacer && replacer.kind !== ts.SyntaxKind.NullKeyword && !(ts.isIdentifier(replacer) && replacer.text === "undefined")) {
    unsupported(replacer, "MTS2017", "a JSON.stringify replacer", "Build the object you want to serialize.");
  }
  const t = ctx.checker.getTypeAtLocation(valueNode);
  if (mayBeUndefined(t)) unsupported(valueNode, "MTS2030", "a value that may be undefined or a function");
  if (mayHoldError(ctx, t)) unsupported(valueNode, "MTS2030", "an Error");
  const value = box(ctx, lowerExpr(ctx, valueNode));
  ctx.use("js");
  if (!space) return expr(`js.JSONStringify(${value.code})`, STRING, Prec.Primary, { call: true });
  let indent: string;
  const s = lowerExpr(ctx, space);
  if (s.num !== undefined) indent = stringLiteral(" ".repeat(Math.min(10, Math.max(0, Math.trunc(s.num)))));
  else if (s.str !== undefined) indent = stringLiteral(s.str.slice(0, 10));
  else if (s.type.k === "string") indent = `js.Slice(${s.code}, 0, 10)`;
  else if (s.type.k === "float" || s.type.k === "int") indent = `js.JSONIndent(${toFloat(s).code})`;
  else indent = `js.JSONIndentOf(${box(ctx, s).code})`;
  return expr(`js.JSONStringifyIndent(${value.code}, ${indent})`, STRING, Prec.Primary, { call: true });
}

/**
 * JSON.parse(text) into the declared type: `JSON.parse(s) as T`, or the annotated
 * variable it initializes. The document is checked against T (JavaScript would hand back
 * a value that lies about its type; the compiled code throws a TypeError instead).
 */
export function lowerJsonParse(ctx: TransformContext, node: ts.CallExpression, asNode: ts.Node | undefined): GoExpr {
  const typeNode = asNode ?? node;
  let tsType: ts.Type | undefined;
  if (asNode) tsType = ctx.checker.getTypeAtLocation(asNode);
  else {
    const contextual = ctx.checker.getContextualType(node);
    if (contextual && !(contextual.flags & ts.TypeFlags.Any)) tsType = contextual;
  }
  if (!tsType || tsType.flags & ts.TypeFlags.Any) return unsupported(node, "MTS2029");
  if (node.arguments.length !== 1) unsupported(node, "MTS2017", "a JSON.parse reviver", "Transform the parsed value afterwards.");
  const goType = ctx.types.map(tsType, typeNode);
  const schema = schemaVar(ctx, tsType, goType, typeNode);
  const text = convert(ctx, lowerExpr(ctx, node.arguments[0]!), STRING, node.arguments[0]!);
  ctx.use("js");
  return expr(`js.ParseJSON[${ctx.render(goType)}](${text.code}, ${schema})`, goType, Prec.Primary, { call: true });
}

/** A package-level variable holding the schema of a JSON.parse target (one per type). */
function schemaVar(ctx: TransformContext, tsType: ts.Type, goType: GoType, at: ts.Node): string {
  const key = `schema:${typeKey(goType)}:${ctx.checker.typeToString(tsType)}`;
  const named = goType.k === "struct" ? `${unexported(goType.name)}Schema` : "schema";
  return ctx.helper(key, named, (name) => `// ${name} checks JSON.parse results against ${ctx.checker.typeToString(tsType).replace(/\s+/g, " ")}.\nvar ${name} = ${goSchema(ctx, tsType, at, new Set())}\n`);
}

/**
 * The js.Schema of a TypeScript type, with the Go type of each object, array and record
 * (union members decode into the right Go value). Structs reached from here record their
 * key order: JSON.parse keeps the document's order and unknown members.
 */
function goSchema(ctx: TransformContext, type: ts.Type, at: ts.Node, seen: Set<ts.Type>): string {
  const checker = ctx.checker;
  const f = type.flags;
  if (f & ts.TypeFlags.Unknown) return "js.AnySchema";
  if (f & ts.TypeFlags.Null) return "js.NullSchema";
  if (f & ts.TypeFlags.StringLiteral) return `js.LiteralSchema(${stringLiteral((type as ts.StringLiteralType).value)})`;
  if (f & ts.TypeFlags.NumberLiteral) return `js.LiteralSchema(float64(${numberLiteral((type as ts.NumberLiteralType).value).code}))`;
  if (f & ts.TypeFlags.BooleanLiteral) return `js.LiteralSchema(${type === checker.getTrueType()})`;
  if (f & ts.TypeFlags.EnumLiteral && !type.isUnion()) {
    const v = (type as ts.LiteralType).value;
    return typeof v === "number" ? `js.LiteralSchema(float64(${v}))` : `js.LiteralSchema(${stringLiteral(String(v))})`;
  }
  if (f & ts.TypeFlags.String) return "js.StringSchema";
  if (f & ts.TypeFlags.Number) return "js.NumberSchema";
  if (f & ts.TypeFlags.Boolean) return "js.BooleanSchema";
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return unsupported(at, "MTS3005", "undefined (use an optional property)");
  if (type.isUnion()) {
    const members = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const hasTrue = members.includes(checker.getTrueType());
    const hasFalse = members.includes(checker.getFalseType());
    const options: string[] = [];
    for (const m of members) {
      if (hasTrue && hasFalse && m.flags & ts.TypeFlags.BooleanLiteral) {
        if (!options.includes("js.BooleanSchema")) options.push("js.BooleanSchema");
        continue;
      }
      options.push(goSchema(ctx, m, at, seen));
    }
    if (options.length === 1) return options[0]!;
    return `js.UnionSchema(${options.join(", ")})`;
  }
  const goType = ctx.types.map(type, at);
  const render = ctx.render(goType);
  if (checker.isTupleType(type)) {
    const elems = checker.getTypeArguments(type as ts.TypeReference).map((t) => goSchema(ctx, t, at, seen));
    return `js.TupleSchemaOf[${render}](${elems.join(", ")})`;
  }
  if (checker.isArrayType(type) || goType.k === "array") {
    const [elem] = checker.getTypeArguments(type as ts.TypeReference);
    return `js.ArraySchemaOf[${render}](${goSchema(ctx, elem!, at, seen)})`;
  }
  if (goType.k === "record") {
    return `js.RecordSchemaOf[${render}](${goSchema(ctx, type.getStringIndexType()!, at, seen)})`;
  }
  if (goType.k === "struct") {
    const info = ctx.types.structOf(goType);
    if (!info || ctx.classByGoName.has(goType.name)) return unsupported(at, "MTS3005", `${checker.typeToString(type)} (a class: JSON.parse gives plain objects)`);
    info.needsKeys = true;
    if (seen.has(type)) return unsupported(at, "MTS3005", `the recursive type ${checker.typeToString(type)}`);
    seen.add(type);
    const fields = checker.getPropertiesOfType(type).map((p) => {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      const pt = checker.getTypeOfSymbol(p);
      return `\tjs.${optional ? "Optional" : "Required"}(${stringLiteral(p.name)}, ${goSchema(ctx, pt, p.valueDeclaration ?? at, seen)}),`;
    });
    seen.delete(type);
    return `js.ObjectSchemaOf[${render}](${stringLiteral(info.tsName)},\n${fields.join("\n")}\n)`;
  }
  // `{}`: no members, held in an `any`; the runtime keeps the object as parsed.
  if (goType.k === "dyn" && f & ts.TypeFlags.Object && checker.getPropertiesOfType(type).length === 0 && type.getCallSignatures().length === 0) return 'js.ObjectSchema("")';
  return unsupported(at, "MTS3005", checker.typeToString(type));
}

/** The plugin config schema: a package variable built from the config's type descriptor. */
export function configSchemaVar(ctx: TransformContext, tsType: ts.Type, at: ts.Node, name: string): string {
  const descriptor = describeType(ctx, tsType, at);
  const goType = ctx.types.map(tsType, at);
  markKeys(ctx, goType, new Set());
  return ctx.helper(`config:${name}`, name, (n) => `var ${n} = ${schemaExpression(descriptor)}\n`);
}

/** Structs holding a decoded document record its key order. */
function markKeys(ctx: TransformContext, t: GoType, seen: Set<string>): void {
  switch (t.k) {
    case "struct": {
      const info = ctx.types.structOf(t);
      if (!info || seen.has(info.goName)) return;
      seen.add(info.goName);
      info.needsKeys = true;
      for (const f of info.fields) markKeys(ctx, f.type, seen);
      return;
    }
    case "opt":
      return markKeys(ctx, t.inner, seen);
    case "array":
      return markKeys(ctx, t.elem, seen);
    case "record":
      return markKeys(ctx, t.value, seen);
  }
}

export { typedForInference };
