import { ts } from "ts-morph";
import { numberLiteral, stringLiteral } from "../../go/expr.js";
import { renderType } from "../../go/types.js";
import { fieldStorage } from "../../model/structs.js";
import type { TransformContext } from "../context.js";

/** The doc comment of a declaration, as Go comment lines. */
export function docComment(node: ts.Node, goName: string): string {
  const jsDoc = (node as { jsDoc?: { comment?: unknown }[] }).jsDoc;
  const text = jsDoc?.map((d) => (typeof d.comment === "string" ? d.comment : "")).join(" ").trim();
  if (!text) return "";
  const sentence = text.replace(/\s+/g, " ");
  return `// ${goName}: ${sentence}\n`;
}

/**
 * Interfaces and type aliases: their Go types are declared when used (structs once it is
 * known whether they record key order); mapping the type here validates it.
 */
export function emitTypeDeclaration(ctx: TransformContext, node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
  if (node.typeParameters?.length) return; // generic: declared per instance, on use
  const sym = ctx.symbolOf(node.name)!;
  const type = ctx.checker.getDeclaredTypeOfSymbol(sym);
  ctx.types.map(type, node.name);
}

/** A user enum: a Go type alias and its constants. */
export function emitEnum(ctx: TransformContext, node: ts.EnumDeclaration): void {
  const sym = ctx.symbolOf(node.name)!;
  const info = ctx.types.enumFor(sym, node);
  const base = info.kind === "float" ? "float64" : "string";
  const lines = [...info.members.values()].map((m) => {
    const value = typeof m.value === "number" ? numberLiteral(m.value) : { code: stringLiteral(m.value), needsMath: false };
    if (value.needsMath) ctx.use("math");
    return `\t${m.goName} ${info.goName} = ${value.code}`;
  });
  const doc = docComment(node, info.goName) || `// ${info.goName} is the enum ${node.name.text}.\n`;
  ctx.fileOf(node).addDecl(node.getStart(), `${doc}type ${info.goName} = ${base}\n\nconst (\n${lines.join("\n")}\n)\n`);
}

/** Declares every struct, interface and union alias the lowering used, where its TypeScript type is declared. */
export function emitTypeDeclarations(ctx: TransformContext): void {
  const types = ctx.types;
  for (const info of types.structs.all) {
    if (info.emitted) continue;
    info.emitted = true;
    const file = info.declaration ? ctx.fileOf(info.declaration) : ctx.mainFile;
    const use = file.use;
    const lines = info.fields.map((f) => `\t${f.goName} ${renderType(fieldStorage(f), use)} \`js:${JSON.stringify(f.optional ? `${f.name},optional` : f.name)}\``);
    if (info.needsKeys) {
      use("js");
      lines.push("\tkeys js.Keys");
    }
    const doc = info.declaration ? docComment(info.declaration, info.goName) : "";
    const what = info.tsName ? "" : `// ${info.goName} is an object type of the program.\n`;
    const aliases = info.aliases.map((a) => `\n// ${a} has the same properties as ${info.goName}.\ntype ${a} = ${info.goName}\n`).join("");
    const pos = info.declaration ? info.declaration.getStart() : Number.MAX_SAFE_INTEGER - 1;
    file.addDecl(pos, `${doc || what}type ${info.goName} struct {\n${lines.join("\n")}\n}\n${aliases}`);
  }
  for (const info of types.ifaces.values()) {
    if (info.emitted) continue;
    info.emitted = true;
    const file = info.declaration ? ctx.fileOf(info.declaration) : ctx.mainFile;
    const lines = info.methods.map((m) => `\t${m.goName}${renderType(m.type, file.use).replace(/^func/, "")}`);
    const doc = info.declaration ? docComment(info.declaration, info.goName) : "";
    file.addDecl(info.declaration?.getStart() ?? Number.MAX_SAFE_INTEGER - 1, `${doc}type ${info.goName} interface {\n${lines.join("\n")}\n}\n`);
  }
  for (const alias of types.dynAliases.values()) {
    if (alias.emitted) continue;
    alias.emitted = true;
    const file = ctx.fileOf(alias.declaration);
    const text = ts.isTypeAliasDeclaration(alias.declaration) ? alias.declaration.type.getText().replace(/\s+/g, " ") : "";
    file.addDecl(alias.declaration.getStart(), `// ${alias.goName} is ${text}: any of these JavaScript values.\ntype ${alias.goName} = any\n`);
  }
}
