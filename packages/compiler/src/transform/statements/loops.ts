import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, FLOAT, INT, STRING, tupleElem } from "../../go/types.js";
import { box, convert, describeGo, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import type { GoVar } from "../scope.js";
import { bindPattern } from "./destructuring.js";
import { lowerEffect } from "./expression-statement.js";
import { lowerAsBlock } from "./index.js";
import { labelIfUsed, newBreakable, withBreakable } from "./jumps.js";
import { unusedGuard, variableType } from "./variable.js";

function loopStmt(ctx: TransformContext, node: ts.Node, header: string, body: GoStmt[], label: string | undefined): GoStmt {
  const s: GoStmt = { kind: "for", header, body, line: ctx.lineOf(node) };
  if (label) s.label = label;
  return s;
}

/** The single Go statement of an effect, for a loop header; undefined when it needs more. */
function singleStatement(stmts: GoStmt[]): string | undefined {
  if (stmts.length !== 1 || stmts[0]!.kind !== "simple") return undefined;
  return (stmts[0] as { code: string }).code;
}

/** for (init; cond; update) — a Go three-clause loop (Go ≥ 1.22 copies the variables per iteration, as `let` does). */
export function lowerFor(ctx: TransformContext, node: ts.ForStatement): GoStmt[] {
  const out: GoStmt[] = [];
  let init = "";
  const declared: GoVar[] = [];
  if (node.initializer) {
    if (ts.isVariableDeclarationList(node.initializer)) {
      const list = node.initializer;
      if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(list, "MTS2003");
      const names: string[] = [];
      const values: string[] = [];
      for (const d of list.declarations) {
        if (!ts.isIdentifier(d.name) || !d.initializer) unsupported(d, "MTS2010");
        const storage = variableType(ctx, d);
        const [pre, v] = ctx.capture(() => convert(ctx, lowerExpr(ctx, d.initializer!), storage, d.initializer!));
        out.push(...pre);
        const goName = ctx.localName((d.name as ts.Identifier).text);
        declared.push(ctx.declareVar(ctx.symbolOf(d.name)!, goName, storage));
        names.push(goName);
        values.push((storage.k === "float" ? typedForInference(v) : v).code);
      }
      init = `${names.join(", ")} := ${values.join(", ")}`;
    } else {
      const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.initializer as ts.Expression));
      out.push(...pre);
      const single = singleStatement(stmts);
      if (single === undefined) out.push(...stmts);
      else init = single;
    }
  }
  let cond = "";
  let condPre: GoStmt[] = [];
  if (node.condition) {
    const [pre, c] = ctx.capture(() => truthy(ctx, lowerExpr(ctx, node.condition!)));
    if (pre.length > 0) condPre = [...pre, { kind: "if", cond: not(c).code, then: [simple("break")] }];
    else cond = c.code;
  }
  let post = "";
  let postStmts: GoStmt[] = [];
  if (node.incrementor) {
    const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.incrementor!));
    const single = pre.length === 0 ? singleStatement(stmts) : undefined;
    if (single !== undefined && !single.includes("\n")) post = single;
    else postStmts = [...pre, ...stmts];
  }
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  const guards = declared.map(unusedGuard);
  if (postStmts.length > 0) {
    // Several updates (i++, j--): Go's post statement takes one, so they run in a deferred-free
    // wrapper: a continue must still run them, hence a labeled inner block.
    if (b.labelUsed || containsContinue(body)) unsupported(node.incrementor!, "MTS2037");
    const header = init !== "" ? `${init}; ${cond};` : cond;
    out.push(loopStmt(ctx, node, header, [...guards, ...condPre, ...body, ...postStmts], labelIfUsed(b)));
    return out;
  }
  const header = init === "" && cond === "" && post === "" ? "" : init === "" && post === "" ? cond : `${init}; ${cond}; ${post}`;
  out.push(loopStmt(ctx, node, header, [...guards, ...condPre, ...body], labelIfUsed(b)));
  return out;
}

function containsContinue(stmts: GoStmt[]): boolean {
  return stmts.some((s) => {
    switch (s.kind) {
      case "simple":
        return /^continue\b/.test(s.code) || /\bcontinue\b/.test(s.code);
      case "if":
        return containsContinue(s.then) || (s.else !== undefined && containsContinue(s.else));
      case "block":
        return containsContinue(s.body);
      case "switch":
        return s.cases.some((c) => containsContinue(c.body));
      case "label":
        return containsContinue([s.stmt]);
      default:
        return false;
    }
  });
}

export function lowerWhile(ctx: TransformContext, node: ts.WhileStatement): GoStmt[] {
  const [pre, c] = ctx.capture(() => truthy(ctx, lowerExpr(ctx, node.expression)));
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  if (pre.length > 0) {
    return [loopStmt(ctx, node, "", [...pre, { kind: "if", cond: not(c).code, then: [simple("break")] }, ...body], labelIfUsed(b))];
  }
  return [loopStmt(ctx, node, c.code === "true" ? "" : c.code, body, labelIfUsed(b))];
}

/** do { } while (c) → for again := true; again; again = c { } (continue re-tests c, as in JS). */
export function lowerDoWhile(ctx: TransformContext, node: ts.DoStatement): GoStmt[] {
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  const [pre, c] = ctx.capture(() => truthy(ctx, lowerExpr(ctx, node.expression)));
  if (pre.length > 0) unsupported(node.expression, "MTS2017", "this do...while condition", "Compute the condition into a variable at the end of the body.");
  if (c.code === "true") return [loopStmt(ctx, node, "", body, labelIfUsed(b))];
  const again = ctx.temp("again");
  return [loopStmt(ctx, node, `${again} := true; ${again}; ${again} = ${c.code}`, body, labelIfUsed(b))];
}

function loopBinding(ctx: TransformContext, node: ts.ForOfStatement | ts.ForInStatement): ts.BindingName | ts.Expression {
  const init = node.initializer;
  if (!ts.isVariableDeclarationList(init)) return init;
  if (!(init.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(init, "MTS2003");
  void ctx;
  return init.declarations[0]!.name;
}

/**
 * Binds the loop variable(s): a simple identifier becomes the range variable itself;
 * patterns and existing variables are bound from a fresh range variable.
 */
function bindLoopVariable(ctx: TransformContext, binding: ts.BindingName | ts.Expression, type: GoType, declared: boolean): { name: string; stmts: GoStmt[] } {
  if (ts.isIdentifier(binding) && declared) {
    const goName = ctx.localName(binding.text);
    const v = ctx.declareVar(ctx.symbolOf(binding)!, goName, type);
    return { name: goName, stmts: [unusedGuard(v)] };
  }
  const name = ctx.temp("item");
  const stmts = bindPattern(ctx, binding, expr(name, type, Prec.Primary, { pure: true }), declared ? "declare" : "assign");
  return { name, stmts };
}

/**
 * for...of over arrays, strings (by code point), Maps (entries, keys(), values()), Sets,
 * array entries(), and anything else iterable the runtime offers.
 */
export function lowerForOf(ctx: TransformContext, node: ts.ForOfStatement): GoStmt[] {
  if (node.awaitModifier) unsupported(node, "MTS2013", "for await");
  const binding = loopBinding(ctx, node);
  const declared = ts.isVariableDeclarationList(node.initializer);
  let source = node.expression;
  let method: string | undefined;
  if (ts.isCallExpression(source) && ts.isPropertyAccessExpression(source.expression) && source.arguments.length === 0) {
    const name = source.expression.name.text;
    const t = ctx.types.typeAt(source.expression.expression);
    if ((t.k === "map" || t.k === "set" || t.k === "array") && ["keys", "values", "entries"].includes(name)) {
      method = name;
      source = source.expression.expression;
    }
  }
  const [pre, iterable] = ctx.capture(() => lowerExpr(ctx, source));
  const t = iterable.type;
  const it = paren(iterable, Prec.Primary);
  let header: string;
  const prologue: GoStmt[] = [];
  const one = (elem: GoType, range: string): void => {
    const lv = bindLoopVariable(ctx, binding, elem, declared);
    header = `${lv.name} := range ${range}`;
    prologue.push(...lv.stmts);
  };
  const entry = (keyType: GoType, valueType: GoType, range: string): void => {
    // [key, value] destructured directly from a two-value range.
    if (ts.isArrayBindingPattern(binding) && declared && binding.elements.length <= 2 && binding.elements.every((e) => ts.isOmittedExpression(e) || (ts.isIdentifier(e.name) && !e.dotDotDotToken && !e.initializer))) {
      const names = binding.elements.map((el, i) => {
        if (ts.isOmittedExpression(el)) return "_";
        const id = el.name as ts.Identifier;
        const goName = ctx.localName(id.text);
        const v = ctx.declareVar(ctx.symbolOf(id)!, goName, i === 0 ? keyType : valueType);
        prologue.push(unusedGuard(v));
        return goName;
      });
      while (names.length < 2) names.push("_");
      header = names[0] === "_" && names[1] === "_" ? `range ${range}` : names[1] === "_" ? `${names[0]} := range ${range}` : `${names[0]}, ${names[1]} := range ${range}`;
      return;
    }
    // Anything else sees the entry as a [key, value] tuple.
    const k = ctx.temp("key");
    const v = ctx.temp("value");
    const tuple: GoType = { k: "tuple", elems: [keyType, valueType] };
    const elem = tupleElem(tuple);
    ctx.use("js");
    const kv = (name: string, type: GoType) => (elem.k === "dyn" ? box(ctx, expr(name, type, Prec.Primary, { pure: true })).code : name);
    const lv = bindLoopVariable(ctx, binding, tuple, declared);
    header = `${k}, ${v} := range ${range}`;
    prologue.push(simple(`${lv.name} := js.NewArray[${ctx.render(elem)}](${typedForInference(expr(kv(k, keyType), elem)).code}, ${kv(v, valueType)})`), ...lv.stmts);
  };
  switch (t.k) {
    case "array":
    case "tuple": {
      const elem = t.k === "tuple" ? tupleElem(t) : t.elem;
      if (method === "keys") one(INT, `${it}.Keys()`);
      else if (method === "entries") entry(FLOAT, elem, `${it}.Entries()`);
      else one(elem, `${it}.Values()`);
      break;
    }
    case "string":
      ctx.use("js");
      one(STRING, `js.Chars(${iterable.code})`);
      break;
    case "set":
      if (method === "entries") entry(t.elem, t.elem, `${it}.Entries()`);
      else one(t.elem, `${it}.Values()`);
      break;
    case "map":
      if (method === "keys") one(t.key, `${it}.Keys()`);
      else if (method === "values") one(t.value, `${it}.Values()`);
      else entry(t.key, t.value, `${it}.All()`);
      break;
    case "match":
      one({ k: "opt", inner: STRING, nil: "undefined" }, `${it}.Values()`);
      break;
    case "bytes":
      ctx.use("js");
      one(FLOAT, `js.ByteValues(${iterable.code})`);
      break;
    default:
      return unsupported(node.expression, "MTS2017", `for...of over ${describeGo(t, ctx)}`, "Iterate arrays, strings, Maps, Sets, Uint8Array and their keys()/values()/entries().");
  }
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  return [...pre, loopStmt(ctx, node, header!, [...prologue, ...body], labelIfUsed(b))];
}

/** for...in: the keys of an object (its own enumerable properties, in JS order), a Record, or array indices. */
export function lowerForIn(ctx: TransformContext, node: ts.ForInStatement): GoStmt[] {
  const binding = loopBinding(ctx, node);
  const declared = ts.isVariableDeclarationList(node.initializer);
  const [pre, obj] = ctx.capture(() => lowerExpr(ctx, node.expression));
  const o = paren(obj, Prec.Primary);
  ctx.use("js");
  let range: string;
  switch (obj.type.k) {
    case "array":
    case "tuple":
    case "record":
      range = `${o}.ForInKeys()`;
      break;
    case "struct":
    case "iface":
    case "dyn":
      range = `js.ForInKeys(${box(ctx, obj).code})`;
      break;
    case "string":
      range = `js.StringForInKeys(${obj.code})`;
      break;
    default:
      return unsupported(node.expression, "MTS2028", describeGo(obj.type, ctx));
  }
  const lv = bindLoopVariable(ctx, binding, STRING, declared);
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  return [...pre, loopStmt(ctx, node, `${lv.name} := range ${range}`, [...lv.stmts, ...body], labelIfUsed(b))];
}

export { convert };
