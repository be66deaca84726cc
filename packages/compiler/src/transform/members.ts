import type { GoType } from "../go/types.js";

/** A field or method of a generated struct, by its JavaScript name. */
export interface Member {
  goName: string;
  /** Field: its storage type (optional fields are *T / nil-able). Method: a func type. */
  type: GoType;
  kind: "field" | "method";
}

/** A TypeScript class as generated Go names it. */
export interface ClassInfo {
  goName: string;
  /** The constructor function, newX. */
  ctorName: string;
  receiver: string;
  members: Map<string, Member>;
  /** Implements the SDK's Filter: hook methods get api signatures. */
  isFilter: boolean;
  /** Members were registered (false when the class was rejected). */
  registered?: boolean;
}

/** Members of generated structs by Go type name (classes and data interfaces). */
export class MemberTable {
  private readonly byStruct = new Map<string, Map<string, Member>>();

  set(structName: string, members: Map<string, Member>): void {
    this.byStruct.set(structName, members);
  }

  get(structName: string): Map<string, Member> | undefined {
    return this.byStruct.get(structName);
  }
}
