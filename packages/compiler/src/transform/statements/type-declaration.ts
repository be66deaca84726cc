import { ts } from "ts-morph";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { emitTypeDeclaration } from "../declarations/types.js";

/** Interfaces and type aliases inside functions become package-level Go types. */
export function lowerLocalTypeDeclaration(ctx: TransformContext, node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): GoStmt[] {
  emitTypeDeclaration(ctx, node);
  return [];
}
