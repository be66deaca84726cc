import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { STRING, type GoType, optionalOf, tupleElem } from "../../go/types.js";
import type { EnumInfo } from "../../model/enums.js";
import { toFloat } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { numberConstant } from "../expressions/literals.js";
import { toNumber } from "./number.js";

/** The user enum an expression names (`Level` in `Level[0]`, `Object.keys(Level)`), if any. */
export function enumNamed(ctx: TransformContext, node: ts.Expression): EnumInfo | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const sym = ctx.symbolOf(node);
  if (!sym || !(sym.flags & ts.SymbolFlags.Enum) || ctx.isSdkSymbol(sym)) return undefined;
  return ctx.types.enumFor(sym, node);
}

/**
 * The enum object's own properties in JavaScript order: a numeric member adds its name and
 * its reverse mapping (value → name); integer-like keys come first, ascending.
 */
function enumProperties(info: EnumInfo): [string, number | string][] {
  const created = new Map<string, number | string>();
  for (const [name, m] of info.members) {
    created.set(name, m.value);
    if (typeof m.value === "number") created.set(String(m.value), name);
  }
  const entries = [...created.entries()];
  const isIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
  return [...entries.filter(([k]) => isIndex(k)).sort((a, b) => Number(a[0]) - Number(b[0])), ...entries.filter(([k]) => !isIndex(k))];
}

function enumType(info: EnumInfo): GoType {
  return info.kind === "float" ? { k: "float", alias: info.goName } : { k: "string", alias: info.goName };
}

/** `Level[value]`: a numeric enum's reverse mapping, undefined for a value that is no member's. */
export function enumReverseLookup(ctx: TransformContext, info: EnumInfo, node: ts.ElementAccessExpression): GoExpr {
  if (info.kind !== "float") return unsupported(node, "MTS2024", "a string enum indexed by a computed key");
  const index = toFloat(toNumber(ctx, lowerExpr(ctx, node.argumentExpression), node.argumentExpression));
  const names = new Map<number, string>();
  for (const [name, m] of info.members) names.set(m.value as number, name); // a repeated value maps to the last name
  if (index.num !== undefined) {
    const name = names.get(index.num);
    return name === undefined ? expr("nil", { k: "nil" }, Prec.Primary, { pure: true }) : expr(stringLiteral(name), STRING, Prec.Primary, { pure: true, str: name });
  }
  const table = ctx.helper(`enumNames:${info.goName}`, `${info.goName[0]!.toLowerCase()}${info.goName.slice(1)}Names`, (n) => {
    const entries = [...names].map(([v, name]) => `\t${numberConstant(ctx, v).code}: ${stringLiteral(name)},`);
    return `// ${n} is ${info.declaration.name.text}'s reverse mapping (${info.declaration.name.text}[value]).\nvar ${n} = map[float64]string{\n${entries.join("\n")}\n}\n`;
  });
  ctx.use("js");
  return expr(`js.EnumName(${table}, ${index.code})`, optionalOf(STRING), Prec.Primary, { call: true });
}

/** Object.keys / values / entries of an enum object: constants in JavaScript's order. */
export function enumObjectCall(ctx: TransformContext, info: EnumInfo, name: string, node: ts.CallExpression): GoExpr {
  const props = enumProperties(info);
  ctx.use("js");
  if (name === "keys") {
    return expr(`js.NewArray[string](${props.map(([k]) => stringLiteral(k)).join(", ")})`, { k: "array", elem: STRING }, Prec.Primary, { call: true });
  }
  if (info.kind !== "string") return unsupported(node, "MTS2024", `Object.${name} of a numeric enum (its reverse mapping mixes names and numbers)`);
  const t = enumType(info);
  const member = (v: number | string) => [...info.members.values()].find((m) => m.value === v)!.goName;
  if (name === "values") {
    return expr(`js.NewArray[${info.goName}](${props.map(([, v]) => member(v)).join(", ")})`, { k: "array", elem: t }, Prec.Primary, { call: true });
  }
  if (name === "entries") {
    const tuple: GoType = { k: "tuple", elems: [STRING, t] };
    const backing = ctx.render(tupleElem(tuple));
    const items = props.map(([k, v]) => `js.NewArray[${backing}](${stringLiteral(k)}, ${member(v)})`);
    return expr(`js.NewArray[*js.Array[${backing}]](${items.join(", ")})`, { k: "array", elem: tuple }, Prec.Primary, { call: true });
  }
  return unsupported(node, "MTS2024", `Object.${name} of an enum`);
}
