import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, optionalOf } from "../../go/types.js";
import { RegexError, type TranslatedRegex, translateRegex } from "../../regex/emit.js";
import { convert, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerFunctionLiteral } from "../expressions/function-literal.js";
import { arrayMethod, optionalResult } from "./array.js";

const REGEXP: GoType = { k: "regexp" };
const MATCH: GoType = { k: "match" };

function call(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}

/** The compiled program of a regular expression: a package variable shared by every evaluation of the literal. */
function compiledVar(ctx: TransformContext, source: string, flags: string, at: ts.Node): { name: string; info: TranslatedRegex } {
  let info: TranslatedRegex;
  try {
    info = translateRegex(source, flags);
  } catch (e) {
    if (e instanceof RegexError) {
      if (e.unsupported) return unsupported(at, "MTS2012", e.feature);
      return unsupported(at, "MTS2017", `an invalid regular expression (${e.feature})`, "Fix the pattern.");
    }
    throw e;
  }
  let hint = "pattern";
  let p: ts.Node | undefined = at.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) hint = `${p.name.text}Pattern`;
  else if (p && ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) hint = `${p.name.text}Pattern`;
  const names = info.groupNames.map((n) => (n === undefined ? '""' : stringLiteral(n)));
  const key = `regexp:${flags}:${source}`;
  const name = ctx.helper(key, hint, (n) => {
    const opts = [info.unitSensitive ? "js.UnitSensitive" : "", info.multiline ? "js.Multiline" : ""].filter(Boolean);
    const goPattern = info.pattern.includes("`") ? stringLiteral(info.pattern) : `\`${info.pattern}\``;
    return `// ${n} is /${source}/${flags}.\nvar ${n} = js.MustCompile(${goPattern}, ${stringLiteral(source)}, ${stringLiteral(flags)}, ${opts.length ? opts.join("|") : "0"}${names.length ? `, ${names.join(", ")}` : ""})\n`;
  });
  return { name, info };
}

/** `/ab+c/g`: a new RegExp object (its own lastIndex) over a program compiled once. */
export function lowerRegexLiteral(ctx: TransformContext, node: ts.RegularExpressionLiteral): GoExpr {
  const text = node.text;
  const slash = text.lastIndexOf("/");
  const { name } = compiledVar(ctx, text.slice(1, slash), text.slice(slash + 1), node);
  ctx.use("js");
  return call(`${name}.New()`, REGEXP);
}

/** `new RegExp("a+", "g")` with constant arguments (a pattern known only at run time cannot be checked). */
export function newRegExp(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const args = node.arguments ?? [];
  const [src, flags] = ctx.exprList(args, (a) => lowerExpr(ctx, a));
  if (!src || src.str === undefined || (flags && flags.str === undefined)) {
    return unsupported(node, "MTS2048", "A RegExp built from a run-time string", "Write a regular expression literal (checked at compile time), or build the matching with string methods.");
  }
  const { name } = compiledVar(ctx, src.str, flags?.str ?? "", node);
  ctx.use("js");
  return call(`${name}.New()`, REGEXP);
}

/** The translation of a regular expression literal argument, when the argument is one. */
function literalInfo(ctx: TransformContext, node: ts.Expression | undefined): TranslatedRegex | undefined {
  let n = node;
  while (n && ts.isParenthesizedExpression(n)) n = n.expression;
  if (!n || !ts.isRegularExpressionLiteral(n)) return undefined;
  const slash = n.text.lastIndexOf("/");
  try {
    return translateRegex(n.text.slice(1, slash), n.text.slice(slash + 1));
  } catch {
    return undefined;
  }
  void ctx;
}

/** RegExp.prototype methods. */
export function regexpMethod(ctx: TransformContext, re: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const r = paren(re, Prec.Primary);
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  const str = (i: number) => convert(ctx, args[i]!, STRING, node.arguments[i]!).code;
  ctx.use("js");
  switch (name) {
    case "test":
      return call(`${r}.Test(${str(0)})`, BOOL);
    case "exec":
      return call(`${r}.Exec(${str(0)})`, optionalOf(MATCH, "null"));
    case "toString":
      return call(`${r}.String()`, STRING);
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "RegExp", "test, exec and toString are supported.");
}

/**
 * Array methods of a match result. TypeScript types its entries `string`, yet a group that
 * did not take part is undefined: a callback whose value parameter is declared
 * `string | undefined` runs on the entries as they are (`Items()`); one reading them as
 * strings runs on `Strings()`, which refuses (a TypeError) a match with an unmatched group
 * rather than pass undefined where the code cannot expect it.
 */
const MATCH_AS_ARRAY = ["map", "forEach", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "indexOf", "lastIndexOf"];

function matchEntries(ctx: TransformContext, o: string, name: string, node: ts.CallExpression): GoExpr {
  const cb = node.arguments[0];
  let optional = name === "indexOf" || name === "lastIndexOf";
  if (cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && cb.parameters[0]?.type) {
    const t = ctx.checker.getTypeAtLocation(cb.parameters[0]);
    optional = t.isUnion() && t.types.some((u) => (u.flags & ts.TypeFlags.Undefined) !== 0);
  }
  ctx.use("js");
  return optional ? call(`${o}.Items()`, { k: "array", elem: optionalOf(STRING) }) : call(`${o}.Strings()`, { k: "array", elem: STRING });
}

/** Methods of a match result (RegExpExecArray / RegExpMatchArray). */
export function matchMethod(ctx: TransformContext, m: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const o = paren(m, Prec.Primary);
  if (MATCH_AS_ARRAY.includes(name)) {
    return arrayMethod(ctx, matchEntries(ctx, o, name, node), name, node);
  }
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  ctx.use("js");
  switch (name) {
    case "join":
      return call(`${o}.Join(${args[0] ? convert(ctx, args[0], STRING, node.arguments[0]!).code : stringLiteral(",")})`, STRING);
    case "slice": {
      // Only a group inside the slice is read: an unmatched one there is refused (a string[] cannot hold undefined).
      const [a, b] = args.map((x) => toInt(ctx, x).code);
      return call(`${o}.Slice(${a ?? "0"}, ${b ?? `${o}.Len()`})`, { k: "array", elem: STRING });
    }
    case "includes":
      return call(`${o}.Includes(${convert(ctx, args[0]!, STRING, node.arguments[0]!).code})`, BOOL);
    case "at":
      return call(`${o}.At(${toInt(ctx, args[0]!).code})`, optionalOf(STRING));
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "a match result", `Read groups by index or name; join, slice, includes, at and ${MATCH_AS_ARRAY.join(", ")} are supported.`);
}

/**
 * String methods taking a RegExp: match, matchAll, search, replace, replaceAll, split.
 * A string pattern where JavaScript makes a RegExp of it (match, matchAll, search) must be
 * a constant, translated like a literal.
 */
export function regexpStringMethod(ctx: TransformContext, s: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const argNodes = node.arguments;
  const patternNode = argNodes[0];
  if (!patternNode) return unsupported(node, "MTS2017", `${name}() without a pattern`, "Pass a regular expression.");
  let re: GoExpr;
  const patternType = ctx.types.typeAt(patternNode);
  const info = literalInfo(ctx, patternNode);
  if (patternType.k === "regexp") re = lowerExpr(ctx, patternNode);
  else if (name === "replace" || name === "replaceAll") re = convert(ctx, lowerExpr(ctx, patternNode), STRING, patternNode);
  else {
    const v = lowerExpr(ctx, patternNode);
    if (v.str === undefined) return unsupported(patternNode, "MTS2048", `${name}() with a pattern known only at run time`, "Pass a regular expression literal.");
    const escaped = name === "split" ? v.str : v.str;
    const { name: compiled } = compiledVar(ctx, escaped, "", patternNode);
    re = call(`${compiled}.New()`, REGEXP);
  }
  ctx.use("js");
  const replacing = (name === "replace" || name === "replaceAll") && argNodes[1] !== undefined && isReplacementFunction(ctx, argNodes[1]);
  const rest = replacing ? [] : ctx.exprList(argNodes.slice(1), (a) => lowerExpr(ctx, a));
  switch (name) {
    case "match":
      return call(`js.Match(${s.code}, ${re.code})`, optionalOf(MATCH, "null"));
    case "matchAll":
      return call(`js.MatchAll(${s.code}, ${re.code})`, { k: "array", elem: MATCH });
    case "search":
      return call(`js.Search(${s.code}, ${re.code})`, INT);
    case "split": {
      const limit = rest[0] ? `js.ToUint32(${convert(ctx, rest[0], FLOAT, argNodes[1]!).code})` : "0xffffffff";
      return call(`js.SplitRegExp(${s.code}, ${re.code}, ${limit})`, { k: "array", elem: STRING });
    }
    case "replace":
    case "replaceAll": {
      const replacementNode = argNodes[1]!;
      const fnName = re.type.k === "regexp" ? (name === "replace" ? "ReplaceRegExp" : "ReplaceAllRegExp") : name === "replace" ? "Replace" : "ReplaceAll";
      if (replacing) {
        const cb = replacer(ctx, replacementNode, info?.groupCount ?? (re.type.k === "regexp" ? undefined : 0), info?.groupNames.some((n) => n !== undefined) ?? false, info?.mandatoryGroups ?? []);
        return call(`js.${fnName}Func(${s.code}, ${re.code}, ${cb})`, STRING);
      }
      const replacement = convert(ctx, rest[0]!, STRING, replacementNode);
      return call(`js.${fnName}(${s.code}, ${re.code}, ${replacement.code})`, STRING);
    }
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "string", "See docs/subset.md.");
}

/**
 * A replacement function `(match, p1, p2, offset, input, groups) => string`: adapted to
 * `func(m *js.RegExpMatch) string`. The number of groups comes from the literal pattern.
 */
function replacer(ctx: TransformContext, node: ts.Expression, groupCount: number | undefined, named: boolean, mandatory: boolean[]): string {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) {
    return unsupported(node, "MTS2017", "a replacement function passed by name", "Write an arrow function: (m) => f(m).");
  }
  const n = node.parameters.length;
  if (n > 1 && groupCount === undefined) unsupported(node, "MTS2017", "a replacement function reading groups of a RegExp held in a variable", "Pass the regular expression literal directly.");
  const groups = groupCount ?? 0;
  const types: GoType[] = [STRING];
  for (let i = 0; i < groups; i++) types.push(optionalOf(STRING));
  types.push(FLOAT, STRING);
  if (named) types.push({ k: "record", value: optionalOf(STRING) });
  if (node.parameters.some((p) => p.dotDotDotToken)) unsupported(node, "MTS2027");
  if (n > types.length) unsupported(node.parameters[types.length]!, "MTS2017", "more replacement parameters than the pattern gives", "Remove the extra parameters.");
  // Each parameter keeps its declared TypeScript type: a group declared string reads "" where JavaScript passes undefined.
  const paramTypes = node.parameters.map((p, i) => {
    // Untyped parameters beyond the match are 'any' in TypeScript's lib: they take the pattern's types.
    if (ctx.checker.getTypeAtLocation(p).flags & ts.TypeFlags.Any) return types[i]!;
    const declared = ctx.types.map(ctx.checker.getTypeAtLocation(p), p);
    // A group that may not take part in a match is undefined there: a string parameter could not say so.
    if (i >= 1 && i <= groups && declared.k === "string" && !mandatory[i]) unsupported(p, "MTS2048", "A parameter typed string for a group that may not match", "Type it string | undefined: JavaScript passes undefined for a group that did not match.");
    return declared.k === "dyn" ? types[i]! : declared;
  });
  const fn = lowerFunctionLiteral(ctx, node, { paramTypes, paramCount: n, result: STRING });
  const argList: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0) argList.push("m.Match()");
    else if (i <= groups) argList.push(paramTypes[i]!.k === "string" ? `*m.Group(${i})` : `m.Group(${i})`);
    else if (i === groups + 1) argList.push("float64(m.Index)");
    else if (i === groups + 2) argList.push("m.Input");
    else argList.push("m.Groups");
  }
  ctx.use("js");
  return `func(m *js.RegExpMatch) string {\n\treturn (${fn.code})(${argList.join(", ")})\n}`;
}

export { optionalResult };

/** Whether replace's second argument is a function (TypeScript types its extra parameters 'any'). */
export function isReplacementFunction(ctx: TransformContext, node: ts.Expression): boolean {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  return ctx.checker.getTypeAtLocation(node).getCallSignatures().length > 0;
}
