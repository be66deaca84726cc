/**
 * A plugin's config type as the compiler describes it in `dist/<plugin>.schema.json`
 * (docs/architecture.md, "Config decoding").
 */
export type TypeDescriptor =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "null" }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "array"; element: TypeDescriptor }
  | { kind: "record"; value: TypeDescriptor }
  | { kind: "object"; name: string; fields: FieldDescriptor[] }
  | { kind: "union"; options: TypeDescriptor[] };

export interface FieldDescriptor {
  name: string;
  optional: boolean;
  type: TypeDescriptor;
}

/** Throws a TypeError naming the first malformed node, so a broken schema file is reported clearly. */
export function checkTypeDescriptor(value: unknown, where = "$"): TypeDescriptor {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`type descriptor ${where}: expected an object`);
  }
  const node = value as Record<string, unknown>;
  switch (node.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
      return { kind: node.kind };
    case "literal": {
      const v = node.value;
      if (!(v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
        throw new TypeError(`type descriptor ${where}: literal value must be a JSON scalar`);
      }
      return { kind: "literal", value: v };
    }
    case "array":
      return { kind: "array", element: checkTypeDescriptor(node.element, `${where}.element`) };
    case "record":
      return { kind: "record", value: checkTypeDescriptor(node.value, `${where}.value`) };
    case "object": {
      if (typeof node.name !== "string" || !Array.isArray(node.fields)) {
        throw new TypeError(`type descriptor ${where}: object needs a name and a fields array`);
      }
      const fields = node.fields.map((f: unknown, i: number): FieldDescriptor => {
        const field = f as Record<string, unknown> | null;
        if (typeof field !== "object" || field === null || typeof field.name !== "string" || typeof field.optional !== "boolean") {
          throw new TypeError(`type descriptor ${where}.fields[${i}]: expected {name, optional, type}`);
        }
        return { name: field.name, optional: field.optional, type: checkTypeDescriptor(field.type, `${where}.fields[${i}].type`) };
      });
      return { kind: "object", name: node.name, fields };
    }
    case "union": {
      if (!Array.isArray(node.options) || node.options.length === 0) {
        throw new TypeError(`type descriptor ${where}: union needs a non-empty options array`);
      }
      return { kind: "union", options: node.options.map((o: unknown, i: number) => checkTypeDescriptor(o, `${where}.options[${i}]`)) };
    }
    default:
      throw new TypeError(`type descriptor ${where}: unknown kind ${JSON.stringify(node.kind)}`);
  }
}
