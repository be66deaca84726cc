import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { FieldDescriptor, TypeDescriptor } from "../../types.js";
import type { TransformContext } from "../context.js";

/**
 * The JSON type descriptor of a TypeScript type (docs/architecture.md, "Config
 * decoding"): what a config or a JSON.parse result is validated against.
 */
export function describeType(ctx: TransformContext, type: ts.Type, at: ts.Node, seen: Set<ts.Type> = new Set()): TypeDescriptor {
  const checker = ctx.checker;
  const f = type.flags;
  const reject = (what: string): never => unsupported(at, "MTS3005", what);
  if (f & ts.TypeFlags.String) return { kind: "string" };
  if (f & ts.TypeFlags.Number) return { kind: "number" };
  if (f & ts.TypeFlags.Boolean) return { kind: "boolean" };
  if (f & ts.TypeFlags.StringLiteral) return { kind: "literal", value: (type as ts.StringLiteralType).value };
  if (f & ts.TypeFlags.NumberLiteral) return { kind: "literal", value: (type as ts.NumberLiteralType).value };
  if (f & ts.TypeFlags.BooleanLiteral) return { kind: "literal", value: type === checker.getTrueType() };
  if (f & ts.TypeFlags.Null) return reject("null");
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return reject("undefined (use an optional property)");
  if (type.isUnion()) {
    const members = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const hasTrue = members.some((t) => t === checker.getTrueType());
    const hasFalse = members.some((t) => t === checker.getFalseType());
    const options: TypeDescriptor[] = [];
    for (const m of members) {
      if (hasTrue && hasFalse && m.flags & ts.TypeFlags.BooleanLiteral) {
        if (!options.some((o) => o.kind === "boolean")) options.push({ kind: "boolean" });
        continue;
      }
      options.push(describeType(ctx, m, at, seen));
    }
    if (options.length === 1) return options[0]!;
    if (!options.every((o) => o.kind === "literal" || o.kind === "string" || o.kind === "number" || o.kind === "boolean")) {
      return reject(checker.typeToString(type));
    }
    ctx.types.map(type, at); // the Go side must be able to hold it too
    return { kind: "union", options };
  }
  if (f & ts.TypeFlags.Object) {
    if (checker.isArrayType(type)) {
      const [elem] = checker.getTypeArguments(type as ts.TypeReference);
      return { kind: "array", element: describeType(ctx, elem!, at, seen) };
    }
    if (checker.isTupleType(type)) return reject("a tuple");
    if (type.getCallSignatures().length > 0) return reject("a function");
    const sym = type.getSymbol();
    if (sym && (sym.flags & ts.SymbolFlags.Class || ctx.isLibSymbol(sym) || ctx.isSdkSymbol(sym)) && sym.name !== "__type" && sym.name !== "__object") {
      return reject(checker.typeToString(type));
    }
    if (type.getNumberIndexType()) return reject("a number index signature (JSON keys are strings: Record<string, T>)");
    const valueType = type.getStringIndexType();
    if (valueType) {
      if (checker.getPropertiesOfType(type).length > 0) return reject("an index signature beside declared members");
      return { kind: "record", value: describeType(ctx, valueType, at, seen) };
    }
    // A descriptor is a tree: a type containing itself has none (and JSON configs are finite).
    if (seen.has(type)) return reject(`the recursive type ${checker.typeToString(type)}`);
    seen.add(type);
    const fields: FieldDescriptor[] = checker.getPropertiesOfType(type).map((p) => {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      let pt = checker.getTypeOfSymbol(p);
      if (optional) pt = checker.getNonNullableType(pt);
      if (p.flags & ts.SymbolFlags.Method) reject(`the method ${p.name}()`);
      return { name: p.name, optional, type: describeType(ctx, pt, p.valueDeclaration ?? at, seen) };
    });
    seen.delete(type);
    const name = type.aliasSymbol?.name ?? (sym && sym.flags & ts.SymbolFlags.Interface ? sym.name : "");
    return { kind: "object", name, fields };
  }
  return reject(checker.typeToString(type));
}

/** The Go expression building the js.Schema of a descriptor. */
export function schemaExpression(d: TypeDescriptor, indent = ""): string {
  const next = `${indent}\t`;
  switch (d.kind) {
    case "string":
      return "js.StringSchema";
    case "number":
      return "js.NumberSchema";
    case "boolean":
      return "js.BooleanSchema";
    case "null":
      return "js.NullSchema";
    case "literal":
      return `js.LiteralSchema(${typeof d.value === "number" ? `float64(${d.value})` : JSON.stringify(d.value)})`;
    case "array":
      return `js.ArraySchema(${schemaExpression(d.element, indent)})`;
    case "record":
      return `js.RecordSchema(${schemaExpression(d.value, indent)})`;
    case "union":
      return `js.UnionSchema(${d.options.map((o) => schemaExpression(o, indent)).join(", ")})`;
    case "object": {
      if (d.fields.length === 0) return `js.ObjectSchema(${JSON.stringify(d.name)})`;
      const fields = d.fields.map((f) => `${next}js.${f.optional ? "Optional" : "Required"}(${JSON.stringify(f.name)}, ${schemaExpression(f.type, next)}),`);
      return `js.ObjectSchema(${JSON.stringify(d.name)},\n${fields.join("\n")}\n${indent})`;
    }
  }
}
