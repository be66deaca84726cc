import type { ts } from "ts-morph";
import { type GoType, optionalOf, typeKey } from "../go/types.js";

/** One property of a generated struct. */
export interface FieldInfo {
  /** The JavaScript property name. */
  name: string;
  goName: string;
  /** The value type (without the optional wrapping). */
  type: GoType;
  /** Declared with `?`: may be absent. */
  optional: boolean;
}

/** The Go type a field is stored as. */
export function fieldStorage(f: FieldInfo): GoType {
  return f.optional ? optionalOf(f.type) : f.type;
}

/**
 * A generated Go struct for a TypeScript object type. Structurally identical object types
 * (same property names, types and optionality) share one struct, so a value flows between
 * an interface and an object literal type without copying (JS aliasing is kept).
 */
export interface StructInfo {
  goName: string;
  /** The TypeScript name it was first declared under ("" for an anonymous type). */
  tsName: string;
  fields: FieldInfo[];
  /** Names of other TypeScript types sharing the struct (emitted as Go aliases). */
  aliases: string[];
  /** The declaration (for the doc comment and the output position), if any. */
  declaration?: ts.Node;
  /**
   * The struct carries a `keys js.Keys` field recording its instance's own keys, when they
   * can differ from the declared ones: optional properties, literals written in another
   * order, JSON.parse results (document order, unknown members).
   */
  needsKeys: boolean;
  /** Set once declared in a Go file. */
  emitted: boolean;
  /** A field refers back to it: it is never merged with another struct. */
  recursive?: boolean;
}

export function structuralKey(fields: FieldInfo[]): string {
  return fields
    .map((f) => `${JSON.stringify(f.name)}${f.optional ? "?" : ""}:${typeKey(f.type)}`)
    .sort()
    .join(";");
}

/** The struct registry: by TypeScript type (identity) and by structure. */
export class StructRegistry {
  readonly all: StructInfo[] = [];
  private readonly byStructure = new Map<string, StructInfo>();
  readonly byTsType = new Map<string, StructInfo>();
  readonly byGoName = new Map<string, StructInfo>();

  find(goName: string): StructInfo | undefined {
    return this.byGoName.get(goName);
  }

  /** The struct already holding this structure, if any. */
  sameStructure(fields: FieldInfo[]): StructInfo | undefined {
    return this.byStructure.get(structuralKey(fields));
  }

  add(info: StructInfo, mergeable: boolean): void {
    this.all.push(info);
    this.byGoName.set(info.goName, info);
    if (mergeable && !this.byStructure.has(structuralKey(info.fields))) this.byStructure.set(structuralKey(info.fields), info);
  }
}
