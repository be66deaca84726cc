import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { type GoType, sameType, structLiteralType } from "../../go/types.js";
import { type StructInfo, fieldStorage } from "../../model/structs.js";
import { describeGo } from "../coerce.js";
import type { TransformContext } from "../context.js";

/**
 * `o[key]` on an object type where key's type is a union of string literals naming its
 * properties (Record<"n" | "e", V>): a generated switch over the names. Every named field
 * must have the same Go type and be required.
 */
export function keyedFields(ctx: TransformContext, obj: GoExpr, keyNode: ts.Expression, node: ts.Node): { info: StructInfo; type: GoType } {
  const info = ctx.types.structOf(obj.type);
  const keyType = ctx.checker.getTypeAtLocation(keyNode);
  const literals = (keyType.isUnion() ? keyType.types : [keyType]).map((t) => (t.isStringLiteral() ? t.value : undefined));
  if (!info || literals.some((l) => l === undefined)) return unsupported(node, "MTS2035", "[index]", describeGo(obj.type, ctx), "Index arrays, strings, tuples and Records; use a Map for keyed data.");
  const fields = literals.map((l) => info.fields.find((f) => f.name === l));
  const first = fields[0];
  if (!first || fields.some((f) => !f || f.optional || !sameType(fieldStorage(f), fieldStorage(first)))) {
    return unsupported(node, "MTS2017", "indexing an object with keys naming optional or differently typed properties", "Use a Record<string, V> or a Map.");
  }
  return { info, type: fieldStorage(first) };
}

function switchHelper(ctx: TransformContext, info: StructInfo, type: GoType, write: boolean): string {
  const struct = structLiteralType({ k: "struct", name: info.goName }, ctx.file.use);
  const base = `${info.goName[0]!.toLowerCase()}${info.goName.slice(1)}${write ? "SetField" : "Field"}`;
  return ctx.helper(`${base}:${info.goName}`, base, (n) => {
    const cases = info.fields
      .filter((f) => !f.optional && sameType(fieldStorage(f), type))
      .map((f) => (write ? `\tcase ${stringLiteral(f.name)}:\n\t\to.${f.goName} = v` : `\tcase ${stringLiteral(f.name)}:\n\t\treturn o.${f.goName}`));
    const signature = write ? `func ${n}(o *${struct}, key string, v ${ctx.render(type)})` : `func ${n}(o *${struct}, key string) ${ctx.render(type)}`;
    const tail = write ? "\tdefault:\n\t\tpanic(\"unknown property \" + key)\n\t}\n" : "\t}\n\tpanic(\"unknown property \" + key)\n";
    return `// ${n} ${write ? "writes" : "reads"} the property named key (o[key] with a key of a literal type).\n${signature} {\n\tswitch key {\n${cases.join("\n")}\n${tail}}\n`;
  });
}

export function keyedRead(ctx: TransformContext, obj: GoExpr, key: GoExpr, keyNode: ts.Expression, node: ts.Node): GoExpr {
  const { info, type } = keyedFields(ctx, obj, keyNode, node);
  return expr(`${switchHelper(ctx, info, type, false)}(${obj.code}, ${key.code})`, type, Prec.Primary, { call: true });
}

export function keyedWrite(ctx: TransformContext, obj: GoExpr, key: GoExpr, value: GoExpr, type: GoType, info: StructInfo): string {
  void paren;
  return `${switchHelper(ctx, info, type, true)}(${obj.code}, ${key.code}, ${value.code})`;
}
