import type { ts } from "ts-morph";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { lowerBlockBody } from "./index.js";

export function lowerBlock(ctx: TransformContext, node: ts.Block): GoStmt[] {
  return [{ kind: "block", body: lowerBlockBody(ctx, node.statements) }];
}
