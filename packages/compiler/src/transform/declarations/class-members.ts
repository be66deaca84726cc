import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { exported, goIdent, uniqueName, unexported } from "../../go/names.js";
import { type GoType, BOOL, STRING, VOID, optionalOf, typeKey, typeNameFragment } from "../../go/types.js";
import { type ClassDecl, type ClassInstance, type Member, type StaticMember, instanceType, isPolymorphic } from "../../model/classes.js";
import type { TransformContext } from "../context.js";

const api = (name: string, ref = false): GoType => (ref ? { k: "api", name, ref } : { k: "api", name });
const STATUS = api("Status");

/** The Go signatures of filter hooks (api.*Hook interfaces). */
export const HOOKS: Record<string, { params: GoType[]; result: GoType; bit?: string }> = {
  decodeHeaders: { params: [api("RequestHeaderMap"), BOOL], result: STATUS, bit: "HookDecodeHeaders" },
  decodeData: { params: [api("BodyBuffer"), BOOL], result: STATUS, bit: "HookDecodeData" },
  decodeTrailers: { params: [api("HeaderMap")], result: STATUS, bit: "HookDecodeTrailers" },
  encodeHeaders: { params: [api("ResponseHeaderMap"), BOOL], result: STATUS, bit: "HookEncodeHeaders" },
  encodeData: { params: [api("BodyBuffer"), BOOL], result: STATUS, bit: "HookEncodeData" },
  encodeTrailers: { params: [api("HeaderMap")], result: STATUS, bit: "HookEncodeTrailers" },
  onLog: { params: [api("LogEntry", true)], result: VOID },
  onStreamComplete: { params: [], result: VOID },
  onDestroy: { params: [api("DestroyReason")], result: VOID },
};

const ERROR_BASES = new Set(["Error", "TypeError", "RangeError", "SyntaxError", "URIError", "EvalError", "ReferenceError"]);

/** Names the runtime or the generated code use on class structs. */
const RESERVED_MEMBERS = new Set(["self", "init", "JSError", "Self", "String"]);
const ERROR_MEMBERS = ["Error", "Name", "Message"];

function isPrivate(m: ts.Node): boolean {
  const flags = ts.getCombinedModifierFlags(m as ts.Declaration);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return true;
  const name = (m as { name?: ts.Node }).name;
  return name !== undefined && ts.isPrivateIdentifier(name);
}

function isStatic(m: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
}

function memberName(ctx: TransformContext, m: ts.ClassElement | ts.ParameterDeclaration): string {
  const name = m.name;
  if (!name) return unsupported(m, "MTS2001", "class member without a name");
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  void ctx;
  return unsupported(name, "MTS2002", "computed member name");
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

/** First pass: every module-level class and its place in the hierarchy. */
export function collectClasses(ctx: TransformContext, files: readonly ts.SourceFile[]): void {
  const decls: ClassDecl[] = [];
  for (const sf of files) {
    for (const s of sf.statements) {
      if (!ts.isClassDeclaration(s)) continue;
      ctx.guard(() => {
        if (!s.name) unsupported(s, "MTS2001", "anonymous class");
        const sym = ctx.symbolOf(s.name!)!;
        const decl: ClassDecl = {
          sym,
          node: s,
          name: s.name!.text,
          subclasses: [],
          abstract: s.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ?? false,
          generic: (s.typeParameters?.length ?? 0) > 0,
          isFilter: implementsFilter(ctx, s),
          instances: new Map(),
        };
        ctx.classes.set(sym, decl);
        decls.push(decl);
      }, undefined);
    }
  }
  for (const d of decls) {
    ctx.guard(() => {
      const ext = d.node.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (!ext) return;
      const sym = ctx.symbolOf(ext.expression);
      if (sym && ctx.isLibSymbol(sym) && ERROR_BASES.has(sym.name)) {
        d.errorBase = sym.name;
        return;
      }
      const base = sym && ctx.classes.get(sym);
      if (!base) return unsupported(ext, "MTS2007", ext.expression.getText());
      if (base.generic || d.generic || ext.typeArguments?.length) unsupported(ext, "MTS2009", "a generic class in a class hierarchy");
      d.base = base;
      base.subclasses.push(d);
    }, undefined);
  }
}

function receiverFor(ctx: TransformContext, node: ts.ClassDeclaration, goName: string): string {
  const names = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, collect);
  };
  collect(node);
  void ctx;
  const initial = goIdent(goName[0]!.toLowerCase());
  return [initial, goIdent(goName.slice(0, 2).toLowerCase()), "self_", "this_"].find((r) => !names.has(r)) ?? "this_";
}

/** The instance of a class for given type arguments (created on first use). */
export function classInstance(ctx: TransformContext, decl: ClassDecl, args: GoType[]): ClassInstance {
  const key = args.map(typeKey).join(",");
  const existing = decl.instances.get(key);
  if (existing) return existing;
  const suffix = args.map(typeNameFragment).join("");
  const goName = uniqueName(exported(`${decl.name}${suffix}`), ctx.packageNames);
  const bindings = new Map<ts.Type, GoType>();
  (decl.node.typeParameters ?? []).forEach((tp, i) => {
    const t = ctx.checker.getTypeAtLocation(tp.name);
    bindings.set(t, args[i]!);
  });
  const inst: ClassInstance = {
    decl,
    goName,
    receiver: receiverFor(ctx, decl.node, goName),
    bindings,
    members: new Map(),
    statics: new Map(),
    ownFields: [],
    registered: false,
    emitted: false,
  };
  if (decl.subclasses.length > 0) inst.likeName = uniqueName(`${goName}Like`, ctx.packageNames);
  if (!decl.abstract) inst.ctorName = ctx.generatedName(`new${goName}`);
  decl.instances.set(key, inst);
  ctx.classByGoName.set(goName, inst);
  if (inst.likeName) ctx.classByGoName.set(inst.likeName, inst);
  if (decl.base) inst.base = classInstance(ctx, decl.base, []);
  if (decl.generic) {
    ctx.pending.push(() => {
      registerMembers(ctx, inst);
      ctx.emitClassInstance?.(inst);
    });
  }
  return inst;
}

/** The TypeMapper's callback: the Go type of an instance of a user class. */
export function classInstanceType(ctx: TransformContext, sym: ts.Symbol, typeArgs: readonly ts.Type[], at: ts.Node): GoType {
  const decl = ctx.classes.get(sym);
  if (!decl) return unsupported(at, "MTS2038", "a class declared inside a function or block");
  const args = typeArgs.slice(0, decl.node.typeParameters?.length ?? 0).map((t) => ctx.types.map(t, at));
  return instanceType(classInstance(ctx, decl, args));
}

/** Registers fields, methods, accessors and statics of a class instance (bases first). */
export function registerMembers(ctx: TransformContext, inst: ClassInstance): void {
  if (inst.registered) return;
  if (inst.base) registerMembers(ctx, inst.base);
  inst.registered = true;
  ctx.types.withSubst(inst.bindings, () => ctx.guard(() => registerOwnMembers(ctx, inst), undefined));
}

function registerOwnMembers(ctx: TransformContext, inst: ClassInstance): void {
  const node = inst.decl.node;
  const members = inst.members;
  const taken = new Set<string>([...RESERVED_MEMBERS, `As${inst.goName}`, ...(errorHierarchy(inst) ? ERROR_MEMBERS : [])]);
  if (inst.base) {
    for (const [name, m] of inst.base.members) {
      members.set(name, m);
      taken.add(m.goName);
      if (m.getter) taken.add(m.getter);
      if (m.setter) taken.add(m.setter);
    }
    for (const [name, s] of inst.base.statics) inst.statics.set(name, s);
  }
  const isError = errorHierarchy(inst);
  if (inst.decl.errorBase) {
    members.set("name", { goName: "Name", type: STRING, kind: "field", owner: inst, errorField: true });
    members.set("message", { goName: "Message", type: STRING, kind: "field", owner: inst, errorField: true });
  }
  const hook = (name: string) => (inst.decl.isFilter ? HOOKS[name] : undefined);
  const overriding = (name: string): Member | undefined => (inst.base ? inst.base.members.get(name) : undefined);
  const markVirtual = (name: string): void => {
    for (let b = inst.base; b; b = b.base) {
      const m = b.members.get(name);
      if (m) m.virtual = true;
    }
  };
  const addField = (name: string, type: GoType, at: ts.Node, priv: boolean): void => {
    if (isError && (name === "name" || name === "message")) {
      members.set(name, { goName: name === "name" ? "Name" : "Message", type: STRING, kind: "field", owner: inst, errorField: true });
      return;
    }
    const base = overriding(name);
    if (base) {
      // A field redeclared by a subclass (override legs = 2): the same property, its own initializer.
      if (base.kind !== "field" || typeKey(base.type) !== typeKey(type)) unsupported(at, "MTS2044", name);
      base.readonly = false;
      return;
    }
    const goName = uniqueName(priv ? unexported(name.replace(/^#/, "")) : exported(name), taken);
    const readonly = ts.canHaveModifiers(at) && (ts.getModifiers(at) ?? []).some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
    members.set(name, { goName, type, kind: "field", owner: inst, readonly });
    inst.ownFields.push(name);
  };
  const ctor = node.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
  for (const p of ctor?.parameters ?? []) {
    if (!(ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier)) continue;
    if (!ts.isIdentifier(p.name)) unsupported(p.name, "MTS2010");
    let t = ctx.types.map(ctx.checker.getTypeAtLocation(p), p);
    if (p.questionToken || p.initializer) t = optionalOf(t);
    addField((p.name as ts.Identifier).text, t, p, isPrivate(p));
  }
  const accessors = new Map<string, Member>();
  for (const m of node.members) {
    if (ts.isSemicolonClassElement(m) || ts.isConstructorDeclaration(m)) continue;
    if (ts.isIndexSignatureDeclaration(m)) unsupported(m, "MTS2004", "an index signature in a class");
    if (ts.isClassStaticBlockDeclaration(m)) unsupported(m, "MTS2025", "a static block");
    const name = memberName(ctx, m);
    if (isStatic(m)) {
      registerStatic(ctx, inst, m, name);
      continue;
    }
    if (ts.isPropertyDeclaration(m)) {
      let t = ctx.types.map(ctx.checker.getTypeAtLocation(m.name), m.name);
      if (m.questionToken) t = optionalOf(t);
      addField(name, t, m, isPrivate(m));
    } else if (ts.isMethodDeclaration(m)) {
      if (m.typeParameters?.length) unsupported(m.typeParameters[0]!, "MTS2009", "a generic method");
      const h = hook(name);
      const type: GoType = h ? { k: "func", params: h.params, result: h.result } : ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(m)!, m);
      const base = overriding(name);
      if (base && base.kind !== "method") unsupported(m, "MTS2044", name);
      if (base && typeKey(base.type) !== typeKey(type)) unsupported(m, "MTS2045", name);
      const goName = base ? base.goName : uniqueName(isPrivate(m) && !h ? unexported(name.replace(/^#/, "")) : exported(name), taken);
      const abstract = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) !== 0;
      members.set(name, { goName, type, kind: "method", owner: inst, ...(abstract ? { virtual: true } : {}) });
      if (base) markVirtual(name);
    } else if (ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) {
      const base = overriding(name);
      if (base && base.kind !== "accessor") unsupported(m, "MTS2044", name);
      let acc = accessors.get(name);
      if (!acc) {
        const t = ctx.types.map(ctx.checker.getTypeAtLocation(m.name), m.name);
        const goBase = base ? base.goName : uniqueName(isPrivate(m) ? unexported(name.replace(/^#/, "")) : exported(name), taken);
        acc = { goName: goBase, type: t, kind: "accessor", owner: inst };
        if (base?.getter) acc.getter = base.getter;
        if (base?.setter) acc.setter = base.setter;
        accessors.set(name, acc);
        members.set(name, acc);
      }
      const abstract = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) !== 0;
      if (abstract) acc.virtual = true;
      if (ts.isGetAccessorDeclaration(m)) acc.getter = base?.getter ?? acc.goName;
      else acc.setter = base?.setter ?? uniqueName(`Set${exported(acc.goName)}`, taken);
      if (base) markVirtual(name);
    } else {
      unsupported(m, "MTS2001", "class member");
    }
  }
  void isPolymorphic;
}

function registerStatic(ctx: TransformContext, inst: ClassInstance, m: ts.ClassElement, name: string): void {
  if (inst.decl.generic) unsupported(m, "MTS2025", "a static member of a generic class");
  const prefix = unexported(inst.goName);
  if (ts.isPropertyDeclaration(m)) {
    const type = ctx.types.map(ctx.checker.getTypeAtLocation(m.name), m.name);
    const s: StaticMember = { goName: ctx.generatedName(`${prefix}${exported(name.replace(/^#/, ""))}`), type: m.questionToken ? optionalOf(type) : type, kind: "field", node: m };
    inst.statics.set(name, s);
  } else if (ts.isMethodDeclaration(m)) {
    if (m.typeParameters?.length) unsupported(m.typeParameters[0]!, "MTS2009", "a generic static method");
    const type = ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(m)!, m);
    inst.statics.set(name, { goName: ctx.generatedName(`${prefix}${exported(name.replace(/^#/, ""))}`), type, kind: "method", node: m });
  } else if (ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) {
    let s = inst.statics.get(name);
    if (!s || s.kind !== "accessor" || !inst.decl.node.members.includes(s.node)) {
      const type = ctx.types.map(ctx.checker.getTypeAtLocation(m.name), m.name);
      s = { goName: ctx.generatedName(`${prefix}${exported(name.replace(/^#/, ""))}`), type, kind: "accessor", node: m };
      inst.statics.set(name, s);
    }
    if (ts.isGetAccessorDeclaration(m)) s.getter = s.goName;
    else s.setter = ctx.generatedName(`${prefix}Set${exported(name.replace(/^#/, ""))}`);
  } else {
    unsupported(m, "MTS2025", "this static member");
  }
}

/** Whether a static method's body uses `this` (the class it is called on). */
function usesStaticThis(node: ts.ClassElement): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
    else if (!(ts.isFunctionLike(n) && !ts.isArrowFunction(n) && n !== node) && !ts.isClassLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The class extends Error (directly or through user classes). */
export function errorHierarchy(inst: ClassInstance): boolean {
  let d = inst.decl;
  while (d.base) d = d.base;
  return d.errorBase !== undefined;
}

/** A member of a class by its JavaScript name. */
export function classMember(ctx: TransformContext, cls: ClassInstance, name: string, node: ts.Node): Member {
  registerMembers(ctx, cls);
  const m = cls.members.get(name);
  if (!m) return unsupported(node, "MTS2035", name, cls.decl.name, "See docs/subset.md for what classes support.");
  return m;
}

/** `Counter.count`, `Counter.create`: a static member (package-level variable or function). */
export function staticMemberAccess(ctx: TransformContext, classSym: ts.Symbol, name: string, node: ts.Node): GoExpr {
  const decl = ctx.classes.get(classSym);
  if (!decl) return unsupported(node, "MTS2038", "a class declared inside a function or block");
  if (decl.generic) return unsupported(node, "MTS2025", "a static member of a generic class");
  const inst = classInstance(ctx, decl, []);
  registerMembers(ctx, inst);
  const s = inst.statics.get(name);
  if (!s) return unsupported(node, "MTS2035", name, `typeof ${decl.name}`, "Only static fields and methods declared in the class are supported.");
  const inherited = !inst.decl.node.members.includes(s.node);
  // In JavaScript, `this` in a static method is the class it is called on: one Go function cannot follow that.
  if (inherited && s.kind !== "field" && usesStaticThis(s.node)) {
    return unsupported(node, "MTS2025", "calling an inherited static member that uses 'this' through a subclass");
  }
  if (s.kind === "accessor") {
    if (!s.getter) return expr("nil", { k: "nil" }, Prec.Primary, { pure: true }); // a setter alone reads undefined
    return expr(`${s.getter}()`, s.type, Prec.Primary, { call: true });
  }
  return expr(s.goName, s.type, Prec.Primary, { pure: true });
}

/** The static member behind `Class.name` (for assignments). */
export function staticMember(ctx: TransformContext, classSym: ts.Symbol, name: string, node: ts.Node): StaticMember {
  const decl = ctx.classes.get(classSym);
  if (!decl) return unsupported(node, "MTS2038", "a class declared inside a function or block");
  const inst = classInstance(ctx, decl, []);
  registerMembers(ctx, inst);
  const s = inst.statics.get(name);
  if (!s) return unsupported(node, "MTS2035", name, `typeof ${decl.name}`, "Only static fields and methods declared in the class are supported.");
  if (!inst.decl.node.members.includes(s.node)) unsupported(node, "MTS2025", "assigning an inherited static member through a subclass");
  if (s.kind === "accessor" && !s.setter) unsupported(node, "MTS2047", name);
  return s;
}
