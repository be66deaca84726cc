import { ts } from "ts-morph";
import type { GoType } from "../go/types.js";

/** A field, method or accessor of a class (or of a generated struct), by its JavaScript name. */
export interface Member {
  goName: string;
  /** Field: its storage type. Method: a func type. Accessor: the property type. */
  type: GoType;
  kind: "field" | "method" | "accessor";
  /** Accessors: the Go getter and setter method names, when declared. */
  getter?: string;
  setter?: string;
  /** The class that declares it (instance members). */
  owner?: ClassInstance;
  /** Some subclass overrides it (or it is abstract): calls through `this` dispatch virtually. */
  virtual?: boolean;
  /** A readonly field: assigned only by constructors, so a read never changes during an expression. */
  readonly?: boolean;
  /** A field of an Error subclass kept in the embedded js.Error (name, message). */
  errorField?: boolean;
}

/** A static member: a package-level variable or function. */
export interface StaticMember {
  goName: string;
  type: GoType;
  kind: "field" | "method" | "accessor";
  node: ts.ClassElement;
  /** Accessors: the package functions of the getter and setter, when declared. */
  getter?: string;
  setter?: string;
}

/** A class declaration and its place in the hierarchy. */
export interface ClassDecl {
  sym: ts.Symbol;
  node: ts.ClassDeclaration;
  name: string;
  /** The user class it extends. */
  base?: ClassDecl;
  /** It extends a built-in error class (Error, TypeError, ...): its name. */
  errorBase?: string;
  subclasses: ClassDecl[];
  abstract: boolean;
  generic: boolean;
  /** Implements the SDK's Filter: hook methods get api signatures. */
  isFilter: boolean;
  instances: Map<string, ClassInstance>;
}

/** A class with its type arguments bound (the only instance of a non-generic class). */
export interface ClassInstance {
  decl: ClassDecl;
  /** The struct. */
  goName: string;
  /** The interface values of the class's static type use, when it has subclasses. */
  likeName?: string;
  /** newX; undefined for abstract classes. */
  ctorName?: string;
  receiver: string;
  bindings: Map<ts.Type, GoType>;
  base?: ClassInstance;
  members: Map<string, Member>;
  statics: Map<string, StaticMember>;
  /** Own fields in definition order (parameter properties first). */
  ownFields: string[];
  registered: boolean;
  emitted: boolean;
}

/** Whether the class's values are held as its interface (it has subclasses). */
export function isPolymorphic(c: ClassInstance): boolean {
  return c.decl.subclasses.length > 0;
}

/** The root of the hierarchy (the class holding the `self` field). */
export function rootOf(c: ClassInstance): ClassInstance {
  let r = c;
  while (r.base) r = r.base;
  return r;
}

/** Whether the hierarchy needs a `self` field for virtual calls and `this` as a value. */
export function inHierarchy(c: ClassInstance): boolean {
  return c.base !== undefined || isPolymorphic(c);
}

/** The Go type of a value whose static type is this class. */
export function instanceType(c: ClassInstance): GoType {
  return isPolymorphic(c) ? { k: "iface", name: c.likeName! } : { k: "struct", name: c.goName };
}

/** Every ancestor, nearest first. */
export function ancestors(c: ClassInstance): ClassInstance[] {
  const out: ClassInstance[] = [];
  for (let b = c.base; b; b = b.base) out.push(b);
  return out;
}
