import { ts } from "ts-morph";

/**
 * A readable name for an anonymous object type, from where it appears: the variable,
 * property or parameter it types, or the function it is returned from.
 */
export function nameHint(at: ts.Node, element = false): string {
  const name = rawHint(at);
  return element ? singular(name) : name;
}

function rawHint(at: ts.Node): string {
  for (let n: ts.Node | undefined = at; n; n = n.parent) {
    if (ts.isSourceFile(n) || ts.isBlock(n)) break;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isIdentifier(n.name)) {
      return n.name.text;
    }
    if (ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return n.name.text;
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name)) return `${n.name.text}Result`;
    if (ts.isReturnStatement(n)) {
      const fn = enclosingFunctionName(n);
      if (fn) return `${fn}Result`;
    }
    if (ts.isShorthandPropertyAssignment(n)) return n.name.text;
  }
  return "Object";
}

function enclosingFunctionName(n: ts.Node): string | undefined {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isArrowFunction(p) || ts.isFunctionExpression(p)) {
      const parent = p.parent;
      if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
      return undefined;
    }
  }
  return undefined;
}

/** items → item: the elements of an array variable are named in the singular. */
function singular(name: string): string {
  if (/ies$/.test(name) && name.length > 4) return `${name.slice(0, -3)}y`;
  if (/[^su]s$/.test(name) && name.length > 3) return name.slice(0, -1);
  return `${name}Item`;
}
