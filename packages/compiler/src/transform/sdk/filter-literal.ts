import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { Prec, expr } from "../../go/expr.js";
import { DYN } from "../../go/types.js";
import type { TransformContext } from "../context.js";
import { HOOKS } from "../declarations/class-members.js";
import { funcLiteral, isAsync, lowerFunction } from "../functions.js";

/**
 * A filter written as an object literal where a Filter is expected:
 *
 *   create: (ctx, config) => ({ decodeHeaders(headers, endStream) { ... }, onLog: (entry) => ... })
 *
 * becomes a Go type of its own whose hook methods call the hooks' closures, so the runtime finds
 * them as it finds a class filter's methods (api.DecodeHeadersHook..., AsyncHooks for the async
 * ones). Only hooks, written as methods or function expressions, are supported: anything else
 * would be state the hooks cannot reach (`this` in a literal is not supported).
 */

export function isFilterSymbol(ctx: TransformContext, s: ts.Symbol | undefined): boolean {
  return s !== undefined && s.name === "Filter" && ctx.isSdkSymbol(s) && (s.flags & ts.SymbolFlags.Interface) !== 0;
}

/** Whether a value of this (contextual) type is used as a Filter: Filter itself, or a union with it. */
export function expectsFilter(ctx: TransformContext, t: ts.Type | undefined): boolean {
  if (!t) return false;
  if (t.isUnion()) return t.types.some((c) => expectsFilter(ctx, c));
  return isFilterSymbol(ctx, t.getSymbol());
}

/** Whether an object literal is written where a Filter is expected. */
export function isFilterLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression): boolean {
  return expectsFilter(ctx, ctx.checker.getContextualType(node));
}

/** The parameter names of the hook methods, as in the SDK's Filter. */
const PARAM_NAMES: Record<string, string[]> = {
  decodeHeaders: ["headers", "endStream"],
  decodeData: ["buffer", "endStream"],
  decodeTrailers: ["trailers"],
  encodeHeaders: ["headers", "endStream"],
  encodeData: ["buffer", "endStream"],
  encodeTrailers: ["trailers"],
  onLog: ["entry"],
  onStreamComplete: [],
  onDestroy: ["reason"],
};

type Hook = { name: string; fn: ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression; at: ts.Node };

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** The hooks of a filter literal, or why it cannot be compiled as a filter (and where). */
function literalHooks(node: ts.ObjectLiteralExpression): { hooks: Hook[] } | { problem: string; at: ts.Node } {
  const hooks: Hook[] = [];
  for (const p of node.properties) {
    const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined || !Object.hasOwn(HOOKS, name)) {
      const what = ts.isSpreadAssignment(p) ? "a spread" : name === undefined ? "a computed property" : `'${name}', which is not a hook`;
      return { problem: `an object literal with ${what}`, at: p };
    }
    if (ts.isMethodDeclaration(p) && p.body && !p.asteriskToken) {
      hooks.push({ name, fn: p, at: p });
      continue;
    }
    const value = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
    if (value && (ts.isArrowFunction(value) || (ts.isFunctionExpression(value) && !value.asteriskToken))) {
      hooks.push({ name, fn: value, at: p });
      continue;
    }
    return { problem: `an object literal whose hook '${name}' is not written as a method or a function expression`, at: p };
  }
  return { hooks };
}

/**
 * A literal that is one branch of a conditional (or the right of ??, ||, &&) is lowered to the
 * Go type of the whole expression: that must be Go's any (as Filter is). TypeScript may have reduced
 * `c ? new A() : { decodeHeaders() {...} }` to the class type A, which the literal is not.
 */
function enclosingTypeProblem(ctx: TransformContext, node: ts.ObjectLiteralExpression): string | undefined {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) continue;
    const branch = ts.isConditionalExpression(p) && child !== p.condition;
    const kind = ts.isBinaryExpression(p) ? p.operatorToken.kind : undefined;
    const right = ts.isBinaryExpression(p) && child === p.right && (kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.AmpersandAmpersandToken);
    if (!branch && !right) return undefined;
    const goType = ctx.attempt(() => ctx.types.typeAt(p as ts.Expression), () => undefined);
    if (goType?.k !== "dyn") return `an object literal in an expression of type '${ctx.checker.typeToString(ctx.checker.getTypeAtLocation(p))}', not Filter`;
  }
  return undefined;
}

/** The hooks of a literal written where a Filter is expected, or why it cannot be lowered as one. */
export function filterLiteralShape(ctx: TransformContext, node: ts.ObjectLiteralExpression): { hooks: Hook[] } | { problem: string; at: ts.Node } {
  const shape = literalHooks(node);
  if ("problem" in shape) return shape;
  const enclosing = enclosingTypeProblem(ctx, node);
  return enclosing ? { problem: enclosing, at: node } : shape;
}

/** `this` in a method of the literal means the literal, which the Go closures do not see. */
function thisInside(fn: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = n;
    else if (!(ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n) || ts.isClassLike(n))) ts.forEachChild(n, visit);
  };
  if (ts.isArrowFunction(fn)) return undefined; // its `this` is the enclosing one, as in JavaScript
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body) ts.forEachChild(body, visit);
  for (const p of (fn as ts.FunctionLikeDeclaration).parameters) if (p.initializer) visit(p.initializer);
  return found;
}

/** `{ decodeHeaders(h, e) {...} }` where a Filter is expected → `&objectFilter{decodeHeaders: func...}` (a Go `any`). */
export function lowerFilterLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression): ReturnType<typeof expr> {
  const shape = filterLiteralShape(ctx, node);
  if ("problem" in shape) return unsupported(shape.at, "MTS3013", shape.problem);
  ctx.use("api");
  const typeName = ctx.generatedName("objectFilter");
  const line = ctx.lineOf(node);
  const fields: string[] = [];
  const values: string[] = [];
  const methods: string[] = [];
  const asyncBits: string[] = [];
  for (const h of shape.hooks) {
    const self = thisInside(h.fn);
    if (self) unsupported(self, "MTS2033");
    const hook = HOOKS[h.name]!;
    const fn = lowerFunction(ctx, h.fn, { paramTypes: hook.params, paramCount: hook.params.length, result: hook.result, hook: hook.result.k !== "void" });
    if (isAsync(h.fn) && hook.bit) asyncBits.push(`api.${hook.bit}`);
    const names = PARAM_NAMES[h.name]!;
    const params = hook.params.map((t, i) => `${names[i]} ${ctx.render(t)}`).join(", ");
    const args = names.join(", ");
    const result = hook.result.k === "void" ? "" : ` ${ctx.render(hook.result)}`;
    const goName = h.name[0]!.toUpperCase() + h.name.slice(1);
    fields.push(`\t${h.name} func(${hook.params.map((t) => ctx.render(t)).join(", ")})${result}`);
    values.push(`${h.name}: ${funcLiteral(fn)}`);
    methods.push(`func (f *${typeName}) ${goName}(${params})${result} {\n\t${result ? "return " : ""}f.${h.name}(${args})\n}\n`);
  }
  if (asyncBits.length > 0) methods.push(`// AsyncHooks tells the runtime which hooks of ${typeName} are async (they block until done).\nfunc (f *${typeName}) AsyncHooks() api.Hooks {\n\treturn ${asyncBits.join(" | ")}\n}\n`);
  const file = line.file.split("/").pop();
  const struct = `// ${typeName} is the filter written as an object literal at ${file}:${line.line}: its hooks are closures.\ntype ${typeName} struct {\n${fields.join("\n")}\n}\n`;
  ctx.file.addDecl(node.getStart(), [struct, ...methods].join("\n"));
  const code = values.length === 0 ? `&${typeName}{}` : `&${typeName}{\n${values.join(",\n")},\n}`;
  return expr(code, DYN, Prec.Unary);
}
