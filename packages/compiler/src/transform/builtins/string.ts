import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, optionalOf } from "../../go/types.js";
import { convert, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { concat } from "../strings.js";
import { isReplacementFunction, regexpStringMethod } from "./regexp.js";

const HINTS: Record<string, string> = {
  localeCompare: "Compare with < and > (UTF-16 order), or write the ordering you need.",
  normalize: "Normalize the input before it reaches the program.",
};

function isRegExpArg(ctx: TransformContext, node: ts.Expression | undefined): boolean {
  if (!node) return false;
  return ctx.types.typeAt(node).k === "regexp";
}

/** String.prototype methods. */
export function stringMethod(ctx: TransformContext, s: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const argNodes = node.arguments;
  if (["match", "matchAll", "search", "replace", "replaceAll", "split"].includes(name) && (isRegExpArg(ctx, argNodes[0]) || name === "match" || name === "matchAll" || name === "search")) {
    return regexpStringMethod(ctx, s, name, node);
  }
  if ((name === "replace" || name === "replaceAll") && argNodes[1] && isReplacementFunction(ctx, argNodes[1])) {
    return regexpStringMethod(ctx, s, name, node);
  }
  const args = ctx.exprList(argNodes, (a) => lowerExpr(ctx, a));
  const str = (i: number) => convert(ctx, args[i]!, STRING, argNodes[i]!).code;
  const int = (i: number) => toInt(ctx, args[i]!).code;
  const pure = s.pure && args.every((a) => a.pure);
  const call = (code: string, type: GoType, pkg = "js") => {
    ctx.use(pkg);
    return expr(code, type, Prec.Primary, { call: true, pure });
  };
  const n = args.length;
  switch (name) {
    case "toLowerCase":
    case "toLocaleLowerCase":
      return call(`js.ToLowerCase(${s.code})`, STRING);
    case "toUpperCase":
    case "toLocaleUpperCase":
      return call(`js.ToUpperCase(${s.code})`, STRING);
    case "trim":
      return call(`js.Trim(${s.code})`, STRING);
    case "trimStart":
    case "trimLeft":
      return call(`js.TrimStart(${s.code})`, STRING);
    case "trimEnd":
    case "trimRight":
      return call(`js.TrimEnd(${s.code})`, STRING);
    case "startsWith":
      if (n === 1) return call(`strings.HasPrefix(${s.code}, ${str(0)})`, BOOL, "strings");
      return call(`js.StartsWithFrom(${s.code}, ${str(0)}, ${int(1)})`, BOOL);
    case "endsWith":
      if (n === 1) return call(`strings.HasSuffix(${s.code}, ${str(0)})`, BOOL, "strings");
      return call(`js.EndsWithUpTo(${s.code}, ${str(0)}, ${int(1)})`, BOOL);
    case "includes":
      if (n === 1) return call(`strings.Contains(${s.code}, ${str(0)})`, BOOL, "strings");
      return call(`js.IndexOfFrom(${s.code}, ${str(0)}, ${int(1)}) >= 0`, BOOL);
    case "indexOf":
      if (n === 1) return call(`js.IndexOf(${s.code}, ${str(0)})`, INT);
      return call(`js.IndexOfFrom(${s.code}, ${str(0)}, ${int(1)})`, INT);
    case "lastIndexOf":
      if (n === 1) return call(`js.LastIndexOf(${s.code}, ${str(0)})`, INT);
      return call(`js.LastIndexOfFrom(${s.code}, ${str(0)}, ${int(1)})`, INT);
    case "slice":
      if (n === 0) return s;
      if (n === 1) return call(`js.SliceFrom(${s.code}, ${int(0)})`, STRING);
      return call(`js.Slice(${s.code}, ${int(0)}, ${int(1)})`, STRING);
    case "substring":
      if (n === 0) return s;
      if (n === 1) return call(`js.SubstringFrom(${s.code}, ${int(0)})`, STRING);
      return call(`js.Substring(${s.code}, ${int(0)}, ${int(1)})`, STRING);
    case "substr":
      if (n === 1) return call(`js.SubstrFrom(${s.code}, ${int(0)})`, STRING);
      return call(`js.Substr(${s.code}, ${int(0)}, ${int(1)})`, STRING);
    case "split":
      if (n === 0) return call(`js.NewArray(${s.code})`, { k: "array", elem: STRING });
      if (n === 1) return call(`js.Split(${s.code}, ${str(0)})`, { k: "array", elem: STRING });
      return call(`js.SplitLimit(${s.code}, ${str(0)}, ${ctx.use("js"), `js.ToUint32(${convert(ctx, args[1]!, FLOAT, argNodes[1]!).code})`})`, { k: "array", elem: STRING });
    case "replace":
    case "replaceAll": {
      if (n !== 2) break;
      const pattern = args[0]!;
      const replacement = args[1]!;
      const literal = pattern.str !== undefined && pattern.str !== "" && replacement.str !== undefined && !replacement.str.includes("$");
      if (literal) {
        return name === "replace"
          ? call(`strings.Replace(${s.code}, ${str(0)}, ${str(1)}, 1)`, STRING, "strings")
          : call(`strings.ReplaceAll(${s.code}, ${str(0)}, ${str(1)})`, STRING, "strings");
      }
      return call(`js.${name === "replace" ? "Replace" : "ReplaceAll"}(${s.code}, ${str(0)}, ${str(1)})`, STRING);
    }
    case "padStart":
    case "padEnd": {
      const fill = n === 2 ? str(1) : stringLiteral(" ");
      return call(`js.${name === "padStart" ? "PadStart" : "PadEnd"}(${s.code}, ${int(0)}, ${fill})`, STRING);
    }
    case "repeat":
      return call(`js.Repeat(${s.code}, ${convert(ctx, args[0]!, FLOAT, argNodes[0]!).code})`, STRING);
    case "charAt":
      return call(`js.CharAt(${s.code}, ${n === 0 ? "0" : int(0)})`, STRING);
    case "charCodeAt":
      return call(`js.CharCodeAt(${s.code}, ${n === 0 ? "0" : int(0)})`, FLOAT);
    case "codePointAt":
      return call(`js.Opt(js.CodePointAt(${s.code}, ${n === 0 ? "0" : int(0)}))`, optionalOf(FLOAT));
    case "at":
      return call(`js.Opt(js.At(${s.code}, ${n === 0 ? "0" : int(0)}))`, optionalOf(STRING));
    case "concat":
      return concat([s, ...args.map((a, i) => convert(ctx, a, STRING, argNodes[i]!))]);
    case "isWellFormed":
      return call(`js.IsWellFormed(${s.code})`, BOOL);
    case "toWellFormed":
      return call(`js.WellFormed(${s.code})`, STRING);
    case "toString":
    case "valueOf":
      return s;
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "string", HINTS[name] ?? "See docs/subset.md for the supported string methods.");
}
