import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, optionalOf } from "../../go/types.js";
import { convert, toFloat, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

const HINTS: Record<string, string> = {
  match: "Use includes/indexOf/startsWith.",
  matchAll: "Use indexOf in a loop.",
  search: "Use indexOf.",
  localeCompare: "Compare with < and >.",
  normalize: "Normalize the input before it reaches the filter.",
};

/** String.prototype methods. */
export function stringMethod(ctx: TransformContext, s: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const argNodes = node.arguments;
  const args = ctx.exprList(argNodes, (a) => lowerExpr(ctx, a));
  const str = (i: number) => convert(ctx, args[i]!, STRING, argNodes[i]!).code;
  const int = (i: number) => toInt(args[i]!).code;
  const call = (code: string, type: GoType, pkg = "js") => {
    ctx.use(pkg);
    return expr(code, type, Prec.Primary, { call: true, pure: s.pure && args.every((a) => a.pure) });
  };
  const n = args.length;
  switch (name) {
    case "toLowerCase":
    case "toUpperCase":
      return call(`js.${name === "toLowerCase" ? "ToLowerCase" : "ToUpperCase"}(${s.code})`, STRING);
    case "trim":
      return call(`js.Trim(${s.code})`, STRING);
    case "trimStart":
      return call(`js.TrimStart(${s.code})`, STRING);
    case "trimEnd":
      return call(`js.TrimEnd(${s.code})`, STRING);
    case "startsWith":
      if (n === 1) return call(`strings.HasPrefix(${s.code}, ${str(0)})`, BOOL, "strings");
      break;
    case "endsWith":
      if (n === 1) return call(`strings.HasSuffix(${s.code}, ${str(0)})`, BOOL, "strings");
      break;
    case "includes":
      if (n === 1) return call(`strings.Contains(${s.code}, ${str(0)})`, BOOL, "strings");
      break;
    case "indexOf":
      if (n === 1) return call(`js.IndexOf(${s.code}, ${str(0)})`, INT);
      if (n === 2) return call(`js.IndexOfFrom(${s.code}, ${str(0)}, ${int(1)})`, INT);
      break;
    case "lastIndexOf":
      if (n === 1) return call(`js.LastIndexOf(${s.code}, ${str(0)})`, INT);
      break;
    case "slice":
      if (n === 0) return s;
      if (n === 1) return call(`js.SliceFrom(${s.code}, ${int(0)})`, STRING);
      return call(`js.Slice(${s.code}, ${int(0)}, ${int(1)})`, STRING);
    case "substring":
      if (n === 1) return call(`js.SubstringFrom(${s.code}, ${int(0)})`, STRING);
      if (n === 2) return call(`js.Substring(${s.code}, ${int(0)}, ${int(1)})`, STRING);
      break;
    case "split":
      if (n === 1) return call(`js.Split(${s.code}, ${str(0)})`, { k: "array", elem: STRING });
      if (n === 2) return call(`js.SplitLimit(${s.code}, ${str(0)}, ${int(1)})`, { k: "array", elem: STRING });
      break;
    case "replace":
    case "replaceAll": {
      if (n !== 2 || args[1]!.type.k !== "string") break;
      if (argNodes[0]!.kind === ts.SyntaxKind.RegularExpressionLiteral) unsupported(argNodes[0]!, "MTS2012");
      const pattern = argNodes[0]!;
      const replacement = argNodes[1]!;
      const simple =
        ts.isStringLiteral(pattern) && pattern.text !== "" && ts.isStringLiteral(replacement) && !replacement.text.includes("$");
      if (simple) {
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
      return call(`js.Repeat(${s.code}, ${int(0)})`, STRING);
    case "charAt":
      return call(`js.CharAt(${s.code}, ${n === 0 ? "0" : int(0)})`, STRING);
    case "charCodeAt":
      return call(`js.CharCodeAt(${s.code}, ${n === 0 ? "0" : int(0)})`, FLOAT);
    case "codePointAt":
      return call(`js.Opt(js.CodePointAt(${s.code}, ${int(0)}))`, optionalOf(FLOAT));
    case "at":
      return call(`js.Opt(js.At(${s.code}, ${int(0)}))`, optionalOf(STRING));
    case "concat":
      return expr([s, ...args.map((a, i) => convert(ctx, a, STRING, argNodes[i]!))].map((a) => (a.prec <= Prec.Add ? `(${a.code})` : a.code)).join(" + "), STRING, Prec.Add);
    case "toString":
    case "valueOf":
      return s;
  }
  void toFloat;
  return unsupported(node.expression, "MTS2035", `${name}()`, "string", HINTS[name] ?? "See docs/subset.md for the supported string methods.");
}
