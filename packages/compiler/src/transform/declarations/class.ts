import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { exported, goIdent, uniqueName, unexported } from "../../go/names.js";
import { printBody } from "../../go/printer.js";
import { type GoType, BOOL, VOID, optionalOf } from "../../go/types.js";
import { convert, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerFunction } from "../functions.js";
import type { ClassInfo, Member } from "../members.js";
import { docComment } from "./types.js";

const api = (name: string, ref = false): GoType => (ref ? { k: "api", name, ref } : { k: "api", name });
const STATUS = api("Status");

/** The Go signatures of filter hooks (api.*Hook interfaces). */
const HOOKS: Record<string, { params: GoType[]; result: GoType }> = {
  decodeHeaders: { params: [api("RequestHeaderMap"), BOOL], result: STATUS },
  decodeData: { params: [api("BodyBuffer"), BOOL], result: STATUS },
  decodeTrailers: { params: [api("HeaderMap")], result: STATUS },
  encodeHeaders: { params: [api("ResponseHeaderMap"), BOOL], result: STATUS },
  encodeData: { params: [api("BodyBuffer"), BOOL], result: STATUS },
  encodeTrailers: { params: [api("HeaderMap")], result: STATUS },
  onLog: { params: [api("LogEntry", true)], result: VOID },
  onStreamComplete: { params: [], result: VOID },
  onDestroy: { params: [api("DestroyReason")], result: VOID },
};

function isPrivate(m: ts.ClassElement): boolean {
  return ts.getCombinedModifierFlags(m as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) ? true : false;
}

function implementsFilter(ctx: TransformContext, node: ts.ClassDeclaration): boolean {
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ImplementsKeyword) continue;
    for (const t of clause.types) {
      const sym = ctx.symbolOf(t.expression);
      if (sym && ctx.isSdkSymbol(sym) && sym.name === "Filter") return true;
    }
  }
  return false;
}

/** First pass: the class's Go names, so classes may refer to each other in any order. */
export function nameClass(ctx: TransformContext, node: ts.ClassDeclaration): void {
  if (!node.name) unsupported(node, "MTS2001", "anonymous class");
  const sym = ctx.symbolOf(node.name!)!;
  const goName = uniqueName(exported(node.name!.text), ctx.packageNames);
  const ctorName = uniqueName(`new${goName}`, ctx.packageNames);
  ctx.types.nameClass(sym, goName);
  ctx.classes.set(sym, { goName, ctorName, receiver: "", members: new Map(), isFilter: implementsFilter(ctx, node) });
}

/** Second pass: fields and method signatures. */
export function registerClassMembers(ctx: TransformContext, node: ts.ClassDeclaration): void {
  const info = ctx.classes.get(ctx.symbolOf(node.name!)!)!;
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token === ts.SyntaxKind.ExtendsKeyword) unsupported(clause, "MTS2007");
  }
  if (node.typeParameters?.length) unsupported(node.typeParameters[0]!, "MTS2009");
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) unsupported(node, "MTS2017", "abstract classes", "Use an interface.");
  const members = new Map<string, Member>();
  const taken = new Set<string>();
  const names = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, collect);
  };
  collect(node);
  const initial = goIdent(info.goName[0]!.toLowerCase());
  info.receiver = [initial, goIdent(info.goName.slice(0, 2).toLowerCase()), "self"].find((r) => !names.has(r)) ?? "this_";
  for (const m of node.members) {
    if (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static || ts.isClassStaticBlockDeclaration(m)) unsupported(m, "MTS2025");
    if (ts.isGetAccessor(m) || ts.isSetAccessor(m)) unsupported(m, "MTS2008");
    if (ts.isIndexSignatureDeclaration(m)) unsupported(m, "MTS2004", "index signature");
    if (m.name && ts.isPrivateIdentifier(m.name)) unsupported(m.name, "MTS2017", "#private members", "Use the 'private' modifier.");
    if (ts.isPropertyDeclaration(m)) {
      if (!ts.isIdentifier(m.name)) unsupported(m.name, "MTS2002", "computed property name");
      const name = (m.name as ts.Identifier).text;
      const type = ctx.types.map(ctx.checker.getTypeAtLocation(m.name), m.name);
      const goName = uniqueName(isPrivate(m) ? unexported(name) : exported(name), taken);
      members.set(name, { goName, type: m.questionToken ? optionalOf(type) : type, kind: "field" });
    } else if (ts.isMethodDeclaration(m)) {
      if (!ts.isIdentifier(m.name)) unsupported(m.name, "MTS2002", "computed method name");
      const name = (m.name as ts.Identifier).text;
      const hook = info.isFilter ? HOOKS[name] : undefined;
      const type: GoType = hook
        ? { k: "func", params: hook.params, result: hook.result }
        : ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(m)!, m);
      const goName = uniqueName(isPrivate(m) && !hook ? unexported(name) : exported(name), taken);
      members.set(name, { goName, type, kind: "method" });
    } else if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.getCombinedModifierFlags(p) & (ts.ModifierFlags.ParameterPropertyModifier)) unsupported(p, "MTS2026");
      }
      members.set("constructor", { goName: info.ctorName, type: ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(m)!, m), kind: "method" });
    } else if (!ts.isSemicolonClassElement(m)) {
      unsupported(m, "MTS2001", "class member");
    }
  }
  info.members = members;
  info.registered = true;
  ctx.members.set(info.goName, members);
}

function referencesThis(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
    if (!found && !ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Emits the struct, the constructor function and the methods of a class. */
export function emitClass(ctx: TransformContext, node: ts.ClassDeclaration): void {
  const info: ClassInfo | undefined = ctx.classes.get(ctx.symbolOf(node.name!)!);
  if (!info || !info.registered) return; // its members were rejected (already reported)
  const recv = info.receiver;
  const fields = node.members.filter(ts.isPropertyDeclaration);
  const fieldLines = fields.map((f) => {
    const name = (f.name as ts.Identifier).text;
    const m = info.members.get(name)!;
    return `\t${m.goName} ${ctx.render(m.type)} \`js:"${name}"\``;
  });
  const doc = docComment(node, info.goName);
  const decls: string[] = [`//line ${node.getSourceFile().fileName}:${ctx.lineOf(node).line}\n${doc}type ${info.goName} struct {\n${fieldLines.join("\n")}\n}\n`];
  const initFields = (): GoStmt[] => {
    const literal: string[] = [];
    const after: GoStmt[] = [];
    for (const f of fields) {
      if (!f.initializer) continue;
      const m = info.members.get((f.name as ts.Identifier).text)!;
      const [pre, v] = ctx.capture(() => convert(ctx, lowerExpr(ctx, f.initializer!), m.type, f.initializer!));
      if (after.length === 0 && pre.length === 0 && !referencesThis(f.initializer)) literal.push(`${m.goName}: ${v.code}`);
      else after.push(...pre, simple(`${recv}.${m.goName} = ${(m.type.k === "float" ? typedForInference(v) : v).code}`, ctx.lineOf(f)));
    }
    const lit = literal.length > 2 ? `{\n${literal.join(",\n")},\n}` : `{${literal.join(", ")}}`;
    return [simple(`${recv} := &${info.goName}${lit}`, ctx.lineOf(node)), ...after];
  };
  const ctor = node.members.find(ts.isConstructorDeclaration);
  if (ctor) {
    const fn = lowerFunction(ctx, ctor, { receiver: recv, result: VOID, ctorReturn: recv, prologue: initFields });
    decls.push(`func ${info.ctorName}(${fn.params}) *${info.goName} {\n${printBody(fn.body)}\n\treturn ${recv}\n}\n`);
  } else {
    const saved = ctx.frame;
    const savedReceiver = ctx.receiver;
    ctx.frame = { result: VOID, hook: false, names: new Set([recv]), breakables: [] };
    ctx.receiver = recv;
    try {
      const body = initFields();
      decls.push(`func ${info.ctorName}() *${info.goName} {\n${printBody(body)}\n\treturn ${recv}\n}\n`);
    } finally {
      ctx.frame = saved;
      ctx.receiver = savedReceiver;
    }
  }
  for (const m of node.members.filter(ts.isMethodDeclaration)) {
    const name = (m.name as ts.Identifier).text;
    const member = info.members.get(name)!;
    const hook = info.isFilter ? HOOKS[name] : undefined;
    const method = ctx.guard(() => {
      const fn = lowerFunction(
        ctx,
        m,
        hook ? { receiver: recv, paramTypes: hook.params, paramCount: hook.params.length, result: hook.result, hook: hook.result.k !== "void" } : { receiver: recv },
      );
      const result = fn.result ? ` ${fn.result}` : "";
      return `${docComment(m, member.goName)}func (${recv} *${info.goName}) ${member.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`;
    }, "");
    if (method) decls.push(method);
  }
  ctx.file.addDecl(node.getStart(), decls.join("\n"));
}
