import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { printBody } from "../../go/printer.js";
import { type GoType, STRING, VOID, renderType } from "../../go/types.js";
import { type ClassInstance, inHierarchy, isPolymorphic, rootOf } from "../../model/classes.js";
import { convert, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerArgs } from "../expressions/call.js";
import { lowerExpr } from "../expressions/index.js";
import { ctorParams } from "../expressions/new.js";
import { isAsync, lowerFunction } from "../functions.js";
import { lowerStatement } from "../statements/index.js";
import { unusedGuard } from "../statements/variable.js";
import { HOOKS, errorHierarchy, registerMembers } from "./class-members.js";
import { lowerErrorMessage } from "../error-message.js";
import { docComment } from "./types.js";

function referencesThis(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
    if (!found && !ts.isFunctionDeclaration(n) && !ts.isFunctionExpression(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function isStatic(m: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

function isHashPrivate(m: ts.ClassElement | ts.ParameterDeclaration): boolean {
  return m.name !== undefined && ts.isPrivateIdentifier(m.name);
}

/** Whether the constructor runs as an init method (a hierarchy, or an Error subclass). */
function usesInit(inst: ClassInstance): boolean {
  return inHierarchy(inst) || errorHierarchy(inst);
}

/** The declared constructor with a body, if any. */
function constructorOf(node: ts.ClassDeclaration): ts.ConstructorDeclaration | undefined {
  return node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
}

/** Emits the struct, interface, constructor, methods and statics of a class instance. */
export function emitClass(ctx: TransformContext, inst: ClassInstance, mainStatements?: GoStmt[]): void {
  if (inst.emitted) return;
  inst.emitted = true;
  registerMembers(ctx, inst);
  const file = ctx.fileOf(inst.decl.node);
  const saved = { file: ctx.file, frame: ctx.frame, receiver: ctx.receiver, cls: ctx.currentClass, stat: ctx.staticClass };
  ctx.file = file;
  ctx.frame = undefined;
  try {
    ctx.types.withSubst(inst.bindings, () => ctx.guard(() => emitClassBody(ctx, inst, mainStatements), undefined));
  } finally {
    ctx.file = saved.file;
    ctx.frame = saved.frame;
    ctx.receiver = saved.receiver;
    ctx.currentClass = saved.cls;
    ctx.staticClass = saved.stat;
  }
}

function emitClassBody(ctx: TransformContext, inst: ClassInstance, mainStatements?: GoStmt[]): void {
  const node = inst.decl.node;
  const recv = inst.receiver;
  const decls: string[] = [];
  const line = ctx.lineOf(node);
  ctx.use("js");
  // The struct.
  const fieldLines: string[] = [`\t_ js.Class \`js:${JSON.stringify(inst.decl.name)}\``];
  if (inst.base) fieldLines.push(`\t${inst.base.goName}`);
  else if (inst.decl.errorBase) fieldLines.push("\tjs.Error");
  if (!inst.base && isPolymorphic(inst)) fieldLines.push(`\tself ${inst.likeName}`);
  const paramProps = new Map<string, ts.ParameterDeclaration>();
  for (const p of constructorOf(node)?.parameters ?? []) if (ts.isIdentifier(p.name) && ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) paramProps.set(p.name.text, p);
  const fieldDecls = new Map<string, ts.PropertyDeclaration>();
  for (const m of node.members) if (ts.isPropertyDeclaration(m) && !isStatic(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name) || ts.isStringLiteral(m.name))) fieldDecls.set(m.name.text, m);
  for (const name of inst.ownFields) {
    const m = inst.members.get(name)!;
    const hidden = (fieldDecls.get(name) && isHashPrivate(fieldDecls.get(name)!)) ?? false;
    fieldLines.push(`\t${m.goName} ${ctx.render(m.type)}${hidden ? "" : ` \`js:${JSON.stringify(name)}\``}`);
  }
  const doc = docComment(node, inst.goName);
  decls.push(`//line ${line.file}:${line.line}\n${doc}type ${inst.goName} struct {\n${fieldLines.join("\n")}\n}\n`);
  // The interface of a class with subclasses.
  if (isPolymorphic(inst)) {
    const methods: string[] = [`\tAs${inst.goName}() *${inst.goName}`];
    if (errorHierarchy(inst)) methods.push("\tJSError() *js.Error");
    for (const m of inst.members.values()) {
      if (m.kind === "method" && m.type.k === "func") methods.push(`\t${m.goName}${renderType(m.type, ctx.file.use).slice(4)}`);
      if (m.kind === "accessor") {
        if (m.getter) methods.push(`\t${m.getter}() ${ctx.render(m.type)}`);
        if (m.setter) methods.push(`\t${m.setter}(value ${ctx.render(m.type)})`);
      }
    }
    decls.push(`// ${inst.likeName} is a ${inst.decl.name} or an instance of one of its subclasses.\ntype ${inst.likeName} interface {\n${[...new Set(methods)].join("\n")}\n}\n`);
    decls.push(`func (${recv} *${inst.goName}) As${inst.goName}() *${inst.goName} { return ${recv} }\n`);
  }
  decls.push(...constructors(ctx, inst));
  decls.push(...methods(ctx, inst));
  decls.push(...statics(ctx, inst, mainStatements));
  ctx.file.addDecl(node.getStart(), decls.join("\n"));
}

/** Field initializers, in declaration order, as assignments (or literal fields when they need nothing). */
function fieldInitializers(ctx: TransformContext, inst: ClassInstance, recv: string, literal: string[] | undefined): GoStmt[] {
  const after: GoStmt[] = [];
  for (const m of inst.decl.node.members) {
    if (!ts.isPropertyDeclaration(m) || isStatic(m) || !m.initializer) continue;
    const member = inst.members.get((m.name as ts.Identifier).text)!;
    const [pre, v] = ctx.capture(() => convert(ctx, lowerExpr(ctx, m.initializer!), member.type, m.initializer!));
    if (literal && after.length === 0 && pre.length === 0 && !referencesThis(m.initializer) && !member.errorField) literal.push(`${member.goName}: ${v.code}`);
    else after.push(...pre, simple(`${recv}.${member.goName} = ${(member.type.k === "float" || member.type.k === "dyn" ? typedForInference(v) : v).code}`, ctx.lineOf(m)));
  }
  return after;
}

/** Parameter properties: assigned at the start of the constructor (after super()). */
function parameterProperties(ctx: TransformContext, inst: ClassInstance, recv: string, ctor: ts.ConstructorDeclaration | undefined): GoStmt[] {
  const out: GoStmt[] = [];
  for (const p of ctor?.parameters ?? []) {
    if (!(ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) || !ts.isIdentifier(p.name)) continue;
    const member = inst.members.get(p.name.text)!;
    const v = ctx.vars.get(ctx.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text)[0]!)!;
    v.reads++;
    out.push(simple(`${recv}.${member.goName} = ${v.goName}`, ctx.lineOf(p)));
  }
  return out;
}

function isSuperCall(s: ts.Statement): s is ts.ExpressionStatement & { expression: ts.CallExpression } {
  return ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && s.expression.expression.kind === ts.SyntaxKind.SuperKeyword;
}

/** super(args) inside init: the base's init, or the embedded Error's. */
function superCall(ctx: TransformContext, inst: ClassInstance, call: ts.CallExpression): GoStmt[] {
  const recv = inst.receiver;
  const [pre, stmt] = ctx.capture(() => {
    if (inst.base) {
      const params = ctorParams(ctx, inst.base.decl.node, inst.base.bindings);
      const args = lowerArgs(ctx, call.arguments, params, call);
      return simple(`${recv}.${inst.base.goName}.init(${args.join(", ")})`, ctx.lineOf(call));
    }
    const [msg] = ctx.exprList(call.arguments.slice(0, 1), (a) => lowerErrorMessage(ctx, a));
    if (call.arguments.length > 1) unsupported(call.arguments[1]!, "MTS2017", "the options of an Error (cause)", "Keep the cause in a field.");
    const self = isPolymorphic(rootOf(inst)) ? `${recv}.self` : recv;
    return simple(`js.InitError(&${recv}.Error, ${self}, ${JSON.stringify(inst.decl.errorBase)}, ${msg ? msg.code : '""'})`, ctx.lineOf(call));
  });
  return [...pre, stmt];
}

function constructors(ctx: TransformContext, inst: ClassInstance): string[] {
  const node = inst.decl.node;
  const recv = inst.receiver;
  const ctor = constructorOf(node);
  const out: string[] = [];
  if (!usesInit(inst)) {
    if (!inst.ctorName) return out;
    const literal: string[] = [];
    const build = (): GoStmt[] => {
      const after = fieldInitializers(ctx, inst, recv, literal);
      const lit = literal.length > 2 ? `{\n${literal.join(",\n")},\n}` : `{${literal.join(", ")}}`;
      return [simple(`${recv} := &${inst.goName}${lit}`, ctx.lineOf(node)), ...after, ...parameterProperties(ctx, inst, recv, ctor)];
    };
    if (ctor) {
      const fn = lowerFunction(ctx, ctor, { receiver: recv, cls: inst, result: VOID, ctorReturn: recv, prologue: build });
      out.push(`${docComment(ctor, inst.ctorName)}func ${inst.ctorName}(${fn.params}) *${inst.goName} {\n${printBody(fn.body)}\n\treturn ${recv}\n}\n`);
    } else {
      const fn = lowerFunction(ctx, syntheticCtor(node), { receiver: recv, cls: inst, result: VOID, ctorReturn: recv, prologue: build });
      out.push(`func ${inst.ctorName}() *${inst.goName} {\n${printBody(fn.body)}\n\treturn ${recv}\n}\n`);
    }
    return out;
  }
  // init: the constructor body on an allocated object; newX allocates, sets self, calls init.
  const base = inst.base;
  const baseParams = base ? ctorParams(ctx, base.decl.node, base.bindings) : inst.decl.errorBase ? { params: [{ k: "opt" as const, inner: STRING, nil: "undefined" as const }] } : { params: [] };
  let initParams: string;
  let initBody: GoStmt[];
  let paramTypes: GoType[];
  if (ctor) {
    const fn = lowerFunction(ctx, ctor, {
      receiver: recv,
      cls: inst,
      result: VOID,
      body: (statements) => {
        const stmts: GoStmt[] = [];
        let sawSuper = !base && !inst.decl.errorBase;
        if (sawSuper) stmts.push(...fieldInitializers(ctx, inst, recv, undefined), ...parameterProperties(ctx, inst, recv, ctor));
        for (const s of statements) {
          if (isSuperCall(s)) {
            stmts.push(...ctx.guard(() => superCall(ctx, inst, s.expression), []));
            stmts.push(...fieldInitializers(ctx, inst, recv, undefined), ...parameterProperties(ctx, inst, recv, ctor));
            sawSuper = true;
            continue;
          }
          stmts.push(...lowerStatement(ctx, s));
        }
        if (!sawSuper) unsupported(ctor, "MTS2046");
        return stmts;
      },
    });
    initParams = fn.params;
    initBody = fn.body;
    paramTypes = fn.paramTypes;
  } else {
    // The default constructor passes its arguments to the base constructor.
    const saved = { frame: ctx.frame, receiver: ctx.receiver, cls: ctx.currentClass };
    ctx.frame = { result: VOID, hook: false, names: new Set([recv]), breakables: [] };
    ctx.receiver = recv;
    ctx.currentClass = inst;
    try {
      paramTypes = baseParams.params;
      const names = paramTypes.map((_, i) => `arg${i}`);
      initParams = paramTypes.map((t, i) => `${names[i]} ${ctx.render(t)}`).join(", ");
      initBody = [];
      if (base) initBody.push(simple(`${recv}.${base.goName}.init(${names.join(", ")})`, ctx.lineOf(node)));
      else if (inst.decl.errorBase) {
        const self = isPolymorphic(rootOf(inst)) ? `${recv}.self` : recv;
        initBody.push(simple(`js.InitError(&${recv}.Error, ${self}, ${JSON.stringify(inst.decl.errorBase)}, js.Deref(arg0))`, ctx.lineOf(node)));
      }
      initBody.push(...fieldInitializers(ctx, inst, recv, undefined));
    } finally {
      ctx.frame = saved.frame;
      ctx.receiver = saved.receiver;
      ctx.currentClass = saved.cls;
    }
  }
  out.push(`func (${recv} *${inst.goName}) init(${initParams}) {\n${printBody(initBody)}\n}\n`);
  if (inst.ctorName) {
    const argNames = paramTypes.map((_, i) => `a${i}`);
    const params = paramTypes.map((t, i) => `${argNames[i]} ${ctx.render(t)}`).join(", ");
    const setSelf = isPolymorphic(rootOf(inst)) ? `\t${recv}.self = ${recv}\n` : "";
    // Its own line directive: otherwise its lines continue the count of init's last directive,
    // and a panic in init names a line past the end of the TypeScript file.
    const callInit = printBody([simple(`${recv}.init(${argNames.join(", ")})`, ctx.lineOf(ctor ?? node))]);
    out.push(`func ${inst.ctorName}(${params}) *${inst.goName} {\n\t${recv} := &${inst.goName}{}\n${setSelf}${callInit}\n\treturn ${recv}\n}\n`);
  }
  return out;
}

/** A constructor with an empty body, to lower field initializers in a function frame. */
function syntheticCtor(node: ts.ClassDeclaration): ts.ConstructorDeclaration {
  const ctor = ts.factory.createConstructorDeclaration(undefined, [], ts.factory.createBlock([]));
  (ctor as { parent?: ts.Node }).parent = node;
  return ctor;
}

function methods(ctx: TransformContext, inst: ClassInstance): string[] {
  const node = inst.decl.node;
  const recv = inst.receiver;
  const out: string[] = [];
  const asyncBits: string[] = [];
  for (const m of node.members) {
    if (isStatic(m)) continue;
    if (ts.isMethodDeclaration(m)) {
      if (!m.body) continue; // abstract
      const name = m.name.getText().replace(/^["']|["']$/g, "");
      const member = inst.members.get(ts.isPrivateIdentifier(m.name) ? m.name.text : name)!;
      const hook = inst.decl.isFilter ? HOOKS[name] : undefined;
      if (hook && isAsync(m) && hook.bit) asyncBits.push(`api.${hook.bit}`);
      const method = ctx.guard(() => {
        const fn = lowerFunction(
          ctx,
          m,
          hook ? { receiver: recv, cls: inst, paramTypes: hook.params, paramCount: hook.params.length, result: hook.result, hook: hook.result.k !== "void" } : { receiver: recv, cls: inst },
        );
        const result = fn.result ? ` ${fn.result}` : "";
        const line = ctx.lineOf(m);
        return `//line ${line.file}:${line.line}\n${docComment(m, member.goName)}func (${recv} *${inst.goName}) ${member.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`;
      }, "");
      if (method) out.push(method);
    } else if ((ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && m.body) {
      const name = ts.isPrivateIdentifier(m.name) ? m.name.text : m.name.getText();
      const member = inst.members.get(name)!;
      const method = ctx.guard(() => {
        const isGet = ts.isGetAccessorDeclaration(m);
        const fn = lowerFunction(ctx, m, isGet ? { receiver: recv, cls: inst, result: member.type } : { receiver: recv, cls: inst, paramTypes: [member.type], result: VOID });
        const goName = isGet ? member.getter! : member.setter!;
        const result = fn.result ? ` ${fn.result}` : "";
        const line = ctx.lineOf(m);
        return `//line ${line.file}:${line.line}\nfunc (${recv} *${inst.goName}) ${goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`;
      }, "");
      if (method) out.push(method);
    }
  }
  if (asyncBits.length > 0) {
    ctx.use("api");
    out.push(`// AsyncHooks tells the runtime which hooks of ${inst.goName} are async (they block until done).\nfunc (${recv} *${inst.goName}) AsyncHooks() api.Hooks {\n\treturn ${asyncBits.join(" | ")}\n}\n`);
  }
  return out;
}

/** Static fields (package variables) and static methods (functions). */
function statics(ctx: TransformContext, inst: ClassInstance, mainStatements?: GoStmt[]): string[] {
  const out: string[] = [];
  for (const m of inst.decl.node.members) {
    if (!isStatic(m)) continue;
    const name = ts.isPrivateIdentifier(m.name!) ? (m.name as ts.PrivateIdentifier).text : m.name!.getText().replace(/^["']|["']$/g, "");
    const s = inst.statics.get(name);
    if (!s) continue;
    const line = ctx.lineOf(m);
    if (ts.isPropertyDeclaration(m)) {
      const v = ctx.declareVar(ctx.symbolOf(m.name)!, s.goName, s.type, true);
      v.reads++;
      if (!m.initializer) {
        out.push(`var ${s.goName} ${ctx.render(s.type)}\n`);
        continue;
      }
      if (mainStatements) {
        // A program: static initializers run where the class is declared.
        out.push(`var ${s.goName} ${ctx.render(s.type)}\n`);
        const frame = ctx.frame;
        ctx.frame = { result: VOID, hook: false, names: new Set(), breakables: [], topLevel: true };
        ctx.staticClass = inst;
        try {
          const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, m.initializer!), s.type, m.initializer!));
          mainStatements.push(...pre, simple(`${s.goName} = ${typedForInference(value).code}`, line));
        } finally {
          ctx.frame = frame;
          ctx.staticClass = undefined;
        }
        continue;
      }
      ctx.frame = { result: s.type, hook: false, names: new Set(), breakables: [] };
      ctx.staticClass = inst;
      try {
        const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, m.initializer!), s.type, m.initializer!));
        const init = typedForInference(value);
        out.push(
          pre.length === 0
            ? `//line ${line.file}:${line.line}\nvar ${s.goName} ${ctx.render(s.type)} = ${init.code}\n`
            : `//line ${line.file}:${line.line}\nvar ${s.goName} = func() ${ctx.render(s.type)} {\n${printBody([...pre, simple(`return ${init.code}`)])}\n}()\n`,
        );
      } finally {
        ctx.frame = undefined;
        ctx.staticClass = undefined;
      }
    } else if (ts.isMethodDeclaration(m) && m.body) {
      const fn = lowerFunction(ctx, m, { staticClass: inst });
      const result = fn.result ? ` ${fn.result}` : "";
      out.push(`//line ${line.file}:${line.line}\n${docComment(m, s.goName)}func ${s.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`);
    } else if ((ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && m.body && s.kind === "accessor") {
      const getter = ts.isGetAccessorDeclaration(m);
      const fnName = getter ? s.getter! : s.setter!;
      const fn = lowerFunction(ctx, m, getter ? { staticClass: inst, result: s.type } : { staticClass: inst, paramTypes: [s.type], paramCount: 1, result: VOID });
      const result = fn.result ? ` ${fn.result}` : "";
      out.push(`//line ${line.file}:${line.line}\n${docComment(m, fnName)}func ${fnName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`);
    }
  }
  void unusedGuard;
  return out;
}
