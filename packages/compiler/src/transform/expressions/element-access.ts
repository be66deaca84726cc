import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { FLOAT, type GoType, STRING, isPrimitive, optionalOf, tupleElem } from "../../go/types.js";
import { enumNamed, enumReverseLookup } from "../builtins/enum-object.js";
import { convert, describeGo, toIndex } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { toStringExpr } from "../strings.js";
import { lowerExpr } from "./index.js";
import { keyedRead } from "./keyed-struct.js";
import { memberOf, recordGet } from "./property-access.js";

/** `a[i]` on arrays, tuples, strings, records and bytes; `o["name"]` with a literal name is a property access. */
export function lowerElementAccess(ctx: TransformContext, node: ts.ElementAccessExpression): GoExpr {
  const arg = node.argumentExpression;
  const enumInfo = enumNamed(ctx, node.expression);
  if (enumInfo) {
    if (!ts.isStringLiteral(arg)) return enumReverseLookup(ctx, enumInfo, node);
    const m = enumInfo.members.get(arg.text);
    if (!m) return unsupported(node, "MTS2024", node.getText());
    const type: GoType = enumInfo.kind === "float" ? { k: "float", alias: enumInfo.goName } : { k: "string", alias: enumInfo.goName };
    return expr(m.goName, type, Prec.Primary, { pure: true, ...(typeof m.value === "number" ? { num: m.value } : { str: m.value }) });
  }
  const objType = ctx.types.typeAt(node.expression);
  if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && objType.k !== "record") {
    return memberOf(ctx, lowerExpr(ctx, node.expression), arg.text, node);
  }
  const [obj, index] = ctx.exprList([node.expression, arg], (n) => lowerExpr(ctx, n));
  return elementOf(ctx, obj!, index!, node);
}

export function elementOf(ctx: TransformContext, obj: GoExpr, index: GoExpr, node: ts.ElementAccessExpression): GoExpr {
  const t = obj.type;
  const o = paren(obj, Prec.Primary);
  switch (t.k) {
    case "tuple": {
      if (index.num !== undefined && Number.isInteger(index.num) && index.num >= 0 && index.num < t.elems.length) {
        const raw = expr(`${o}.Get(${index.num})`, tupleElem(t), Prec.Primary, { call: true });
        return convert(ctx, raw, t.elems[index.num]!, node);
      }
      return unsupported(node, "MTS2021", "a tuple read with a computed index");
    }
    case "array": {
      ctx.use("js");
      const call = `${o}.Index(${toIndex(ctx, index).code})`;
      return expr(`${isPrimitive(t.elem) ? "js.Opt" : "js.OrZero"}(${call})`, optionalOf(t.elem), Prec.Primary, { call: true });
    }
    case "string":
      ctx.use("js");
      return expr(`js.Opt(js.Index(${obj.code}, ${toIndex(ctx, index).code}))`, optionalOf(STRING), Prec.Primary, { call: true });
    case "bytes":
      ctx.use("js");
      return expr(`js.Opt(js.ByteAt(${obj.code}, ${toIndex(ctx, index).code}))`, optionalOf(FLOAT), Prec.Primary, { call: true });
    case "match":
      return expr(`${o}.Group(${toIndex(ctx, index).code})`, optionalOf(STRING), Prec.Primary, { call: true });
    case "record":
      return recordGet(ctx, obj, toStringExpr(ctx, index), node);
    case "struct":
      if (index.type.k === "string") return keyedRead(ctx, obj, index, node.argumentExpression, node);
      break;
  }
  return unsupported(node, "MTS2035", "[index]", describeGo(t, ctx), "Index arrays, strings, tuples and Records; use a Map for keyed data.");
}
