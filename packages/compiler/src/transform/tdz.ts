import { ts } from "ts-morph";
import { diagnosticAt } from "../diagnostics/factory.js";
import type { TransformContext } from "./context.js";

/**
 * The temporal dead zone: in JavaScript, reading a module-level `let`/`const` before its
 * declaration has run throws a ReferenceError, also when the read is inside a function
 * that an earlier statement calls. Go initializes package variables in dependency order
 * (and programs keep them zero until assigned), so such a read would silently differ: it is
 * reported instead. Which variables a statement may read is found conservatively: the
 * variables it names, and those of every function, method or class it refers to, transitively.
 */
export function checkTemporalDeadZone(ctx: TransformContext, sf: ts.SourceFile): void {
  const declaredAt = new Map<ts.Symbol, number>();
  sf.statements.forEach((s, i) => {
    if (!ts.isVariableStatement(s)) return;
    for (const d of s.declarationList.declarations) for (const id of bindingNames(d.name)) declaredAt.set(ctx.symbolOf(id)!, i);
  });
  if (declaredAt.size === 0) return;
  const bodies = new Map<ts.Node, Set<ts.Symbol>>();
  // Module variables a piece of code may read when it runs: directly, or through the bodies
  // of the functions and classes it refers to.
  const reads = (root: ts.Node, out: Set<ts.Symbol>, visiting: Set<ts.Node>, deferInline: boolean): void => {
    const visit = (n: ts.Node): void => {
      // A function written inline runs later, unless it is called or handed to a call now.
      if (deferInline && n !== root && (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n) || ts.isAccessor(n)) && !handedToCall(n)) return;
      if (ts.isIdentifier(n)) {
        const sym = ctx.symbolOf(n);
        const target = sym && sym.flags & ts.SymbolFlags.Alias ? ctx.checker.getAliasedSymbol(sym) : sym;
        if (target) {
          if (declaredAt.has(target)) out.add(target);
          for (const d of target.declarations ?? []) if (d.getSourceFile() === sf && runsWhenReferenced(d)) include(d, out, visiting);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(root);
  };
  const include = (decl: ts.Node, out: Set<ts.Symbol>, visiting: Set<ts.Node>): void => {
    const body = callableBody(decl);
    if (!body || visiting.has(body)) return;
    let known = bodies.get(body);
    if (!known) {
      visiting.add(body);
      known = new Set();
      reads(body, known, visiting, false);
      visiting.delete(body);
      bodies.set(body, known);
    }
    for (const s of known) out.add(s);
  };
  sf.statements.forEach((stmt, i) => {
    // Declarations of functions and classes run nothing by themselves.
    if (ts.isFunctionDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || ts.isImportDeclaration(stmt)) return;
    const executed = ts.isClassDeclaration(stmt) ? staticParts(stmt) : [stmt];
    const seen = new Set<ts.Symbol>();
    for (const part of executed) reads(part, seen, new Set(), true);
    for (const sym of seen) {
      const at = declaredAt.get(sym)!;
      if (at < i || (at === i && !ts.isVariableStatement(stmt))) continue;
      if (at === i && ts.isVariableStatement(stmt)) continue; // TypeScript reports direct self-reads
      ctx.diagnostics.push(diagnosticAt(stmt, "MTS2050", sym.name, String(sf.getLineAndCharacterOfPosition(sym.valueDeclaration!.getStart()).line + 1)));
    }
  });
}

function handedToCall(fn: ts.Node): boolean {
  let n = fn;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!ts.isCallExpression(p) && !ts.isNewExpression(p)) return false;
  return p.expression === n || (p.arguments ?? []).some((a) => a === n);
}

function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  const out: ts.Identifier[] = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...bindingNames(el.name));
  return out;
}

/** Declarations whose code may run when something refers to them (a call, a `new`, a callback). */
function runsWhenReferenced(d: ts.Node): boolean {
  return ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isMethodDeclaration(d) || ts.isGetAccessor(d) || ts.isSetAccessor(d) || (ts.isVariableDeclaration(d) && !!d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)));
}

function callableBody(d: ts.Node): ts.Node | undefined {
  if (ts.isVariableDeclaration(d)) return d.initializer;
  if (ts.isClassDeclaration(d)) return d; // constructor, field initializers and methods
  if (ts.isFunctionLike(d)) return (d as ts.FunctionLikeDeclaration).body;
  return undefined;
}

/** What a class declaration runs when it is evaluated: static initializers and blocks. */
function staticParts(c: ts.ClassDeclaration): ts.Node[] {
  const out: ts.Node[] = [];
  for (const m of c.members) {
    const isStatic = ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (ts.isPropertyDeclaration(m) && isStatic && m.initializer) out.push(m.initializer);
    if (ts.isClassStaticBlockDeclaration(m)) out.push(m.body);
  }
  return out;
}
