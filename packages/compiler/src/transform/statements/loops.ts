import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, STRING } from "../../go/types.js";
import { convert, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import type { GoVar } from "../scope.js";
import { lowerEffect } from "./expression-statement.js";
import { lowerAsBlock } from "./index.js";
import { labelIfUsed, newBreakable, withBreakable } from "./jumps.js";
import { unusedGuard, variableType } from "./variable.js";

function loopStmt(ctx: TransformContext, node: ts.Node, header: string, body: GoStmt[], label: string | undefined): GoStmt {
  const s: GoStmt = { kind: "for", header, body, line: ctx.lineOf(node) };
  if (label) s.label = label;
  return s;
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
      if (stmts.length !== 1 || stmts[0]!.kind !== "simple") out.push(...stmts);
      else init = stmts[0]!.code;
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
  if (node.incrementor) {
    if (ts.isBinaryExpression(node.incrementor) && node.incrementor.operatorToken.kind === ts.SyntaxKind.CommaToken) unsupported(node.incrementor, "MTS2037");
    const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.incrementor!));
    if (pre.length > 0 || stmts.length !== 1 || stmts[0]!.kind !== "simple") unsupported(node.incrementor, "MTS2037");
    post = (stmts[0] as { code: string }).code;
  }
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  const guards = declared.map(unusedGuard);
  const header = init === "" && cond === "" && post === "" ? "" : init === "" && post === "" ? cond : `${init}; ${cond}; ${post}`;
  out.push(loopStmt(ctx, node, header, [...guards, ...condPre, ...body], labelIfUsed(b)));
  return out;
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

interface LoopVariable {
  name: string;
  v?: GoVar;
}

function declareLoopVariable(ctx: TransformContext, node: ts.BindingName | ts.Expression, type: GoType): LoopVariable {
  if (!ts.isIdentifier(node)) return unsupported(node, "MTS2010");
  const goName = ctx.localName(node.text);
  return { name: goName, v: ctx.declareVar(ctx.symbolOf(node)!, goName, type) };
}

function loopBinding(ctx: TransformContext, node: ts.ForOfStatement | ts.ForInStatement): ts.BindingName {
  const init = node.initializer;
  if (!ts.isVariableDeclarationList(init)) return unsupported(init, "MTS2001", "for...of over an existing variable (declare it in the loop)");
  if (!(init.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(init, "MTS2003");
  return init.declarations[0]!.name;
}

/** for...of over arrays, strings, Maps (with [key, value]), Sets, and map.keys()/values()/entries(). */
export function lowerForOf(ctx: TransformContext, node: ts.ForOfStatement): GoStmt[] {
  if (node.awaitModifier) unsupported(node, "MTS2013", "for await");
  const binding = loopBinding(ctx, node);
  let source = node.expression;
  let method: string | undefined;
  if (ts.isCallExpression(source) && ts.isPropertyAccessExpression(source.expression) && source.arguments.length === 0) {
    const name = source.expression.name.text;
    const t = ctx.checker.getTypeAtLocation(source.expression.expression).getSymbol()?.name;
    if ((t === "Map" || t === "Set") && ["keys", "values", "entries"].includes(name)) {
      method = name;
      source = source.expression.expression;
    }
  }
  const [pre, iterable] = ctx.capture(() => lowerExpr(ctx, source));
  const t = iterable.type;
  let header: string;
  const vars: LoopVariable[] = [];
  if (t.k === "array" || t.k === "string" || t.k === "set" || (t.k === "map" && (method === "keys" || method === "values"))) {
    const elem: GoType = t.k === "array" ? t.elem : t.k === "string" ? STRING : t.k === "set" ? t.elem : method === "keys" ? (t as { key: GoType }).key : (t as { value: GoType }).value;
    if (t.k === "set" && method === "entries") unsupported(node.expression, "MTS2021");
    const lv = declareLoopVariable(ctx, binding, elem);
    vars.push(lv);
    if (t.k === "string") {
      ctx.use("js");
      header = `${lv.name} := range js.Chars(${iterable.code})`;
    } else {
      const m = t.k === "map" ? (method === "keys" ? "Keys" : "Values") : "Values";
      header = `${lv.name} := range ${iterable.code}.${m}()`;
    }
  } else if (t.k === "map") {
    if (!ts.isArrayBindingPattern(binding) || binding.elements.length > 2) return unsupported(binding, "MTS2010");
    const names = binding.elements.map((el, i) => {
      if (ts.isOmittedExpression(el)) return "_";
      if (el.dotDotDotToken || el.initializer) unsupported(el, "MTS2010");
      const lv = declareLoopVariable(ctx, el.name, i === 0 ? t.key : t.value);
      vars.push(lv);
      return lv.name;
    });
    while (names.length < 2) names.push("_");
    header = names[1] === "_" ? `${names[0]} := range ${iterable.code}.Keys()` : `${names[0]}, ${names[1]} := range ${iterable.code}.All()`;
    if (names[0] === "_" && names[1] === "_") header = `range ${iterable.code}.Keys()`;
  } else {
    return unsupported(node.expression, "MTS2017", "for...of over this value", "Iterate arrays, strings, Maps and Sets.");
  }
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  const guards = vars.filter((lv) => lv.v).map((lv) => unusedGuard(lv.v!));
  return [...pre, loopStmt(ctx, node, header, [...guards, ...body], labelIfUsed(b))];
}

/** for...in over an array: its indices as strings. */
export function lowerForIn(ctx: TransformContext, node: ts.ForInStatement): GoStmt[] {
  const binding = loopBinding(ctx, node);
  const [pre, arr] = ctx.capture(() => lowerExpr(ctx, node.expression));
  if (arr.type.k !== "array") return unsupported(node.expression, "MTS2028");
  const lv = declareLoopVariable(ctx, binding, STRING);
  const index = ctx.temp("index");
  ctx.use("strconv");
  const b = newBreakable(ctx, node, "loop");
  const body = withBreakable(ctx, b, () => lowerAsBlock(ctx, node.statement));
  return [
    ...pre,
    loopStmt(ctx, node, `${index} := range ${arr.code}.Len()`, [simple(`${lv.name} := strconv.Itoa(${index})`), unusedGuard(lv.v!), ...body], labelIfUsed(b)),
  ];
}
