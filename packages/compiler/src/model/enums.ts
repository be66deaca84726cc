import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { exported, uniqueName } from "../go/names.js";

export interface EnumMemberInfo {
  goName: string;
  value: number | string;
}

/** A user enum: Go constants of a named float64 or string alias. */
export interface EnumInfo {
  goName: string;
  kind: "float" | "string";
  members: Map<string, EnumMemberInfo>;
  declaration: ts.EnumDeclaration;
}

/** Reads a user enum declaration: every member must have a constant value of one kind. */
export function readEnum(checker: ts.TypeChecker, node: ts.EnumDeclaration, taken: Set<string>): EnumInfo {
  const goName = uniqueName(exported(node.name.text), taken);
  const members = new Map<string, EnumMemberInfo>();
  let kind: "float" | "string" | undefined;
  for (const m of node.members) {
    const value = checker.getConstantValue(m);
    if (value === undefined) unsupported(m, "MTS2024", "a member whose value is not a constant");
    const k = typeof value === "number" ? "float" : "string";
    if (kind && kind !== k) unsupported(m, "MTS2024", "an enum mixing number and string members");
    kind = k;
    const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
    members.set(name, { goName: uniqueName(`${goName}${exported(name.replace(/[^A-Za-z0-9_]/g, "_"))}`, taken), value: value! });
  }
  return { goName, kind: kind ?? "float", members, declaration: node };
}
