import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { exported } from "../../go/names.js";
import { renderType } from "../../go/types.js";
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
 * Interfaces and object type aliases become Go structs (data) or Go interfaces
 * (methods only); aliases of primitive or literal-union types need no declaration.
 */
export function emitTypeDeclaration(ctx: TransformContext, node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): void {
  if (node.typeParameters?.length) unsupported(node.typeParameters[0]!, "MTS2009");
  const sym = ctx.symbolOf(node.name)!;
  const type = ctx.checker.getDeclaredTypeOfSymbol(sym);
  if (ts.isTypeAliasDeclaration(node) && !(type.flags & ts.TypeFlags.Object)) {
    ctx.types.map(type, node.type); // validates it (literal unions, T | undefined, ...)
    return;
  }
  if (ts.isInterfaceDeclaration(node) && node.heritageClauses?.length) {
    unsupported(node.heritageClauses[0]!, "MTS2017", "interface 'extends'", "Repeat the fields in the interface.");
  }
  const goType = ctx.types.map(type, node.name);
  const pos = node.getStart();
  if (goType.k === "struct") {
    const info = [...ctx.types.structs.values()].find((s) => s.goName === goType.name);
    if (!info) return;
    ctx.file.addDecl(pos, ctx.types.renderStruct(info, ctx.file.use, docComment(node, info.goName)));
    return;
  }
  if (goType.k === "iface") {
    const lines = ctx.checker.getPropertiesOfType(type).map((p) => {
      const sigs = ctx.checker.getTypeOfSymbol(p).getCallSignatures();
      const fn = ctx.types.signatureType(sigs[0]!, p.valueDeclaration ?? node);
      const rendered = renderType(fn, ctx.file.use).replace(/^func/, "");
      return `\t${exported(p.name)}${rendered}`;
    });
    ctx.file.addDecl(pos, `${docComment(node, goType.name)}type ${goType.name} interface {\n${lines.join("\n")}\n}\n`);
    return;
  }
  unsupported(node, "MTS2004", node.name.text);
}
