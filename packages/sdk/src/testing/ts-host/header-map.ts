import type { HeaderList } from "../protocol.js";

/** Envoy's LowerCaseString: ASCII letters only. */
export function lowerAscii(name: string): string {
  return name.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * A header or trailer map as Envoy's HeaderMapImpl keeps it: names lower-cased, repeats
 * allowed, insertion order kept, except that pseudo-headers (`:name`) always sit before the
 * other headers (a new pseudo-header goes after the existing ones). `set` is Envoy's setCopy:
 * remove every value, then add one, so the header moves to the end of its section.
 */
export class EnvoyHeaderMap {
  private entries: [string, string][] = [];

  constructor(initial: HeaderList = []) {
    for (const [name, value] of initial) this.add(name, value);
  }

  get(name: string): string | undefined {
    const key = lowerAscii(name);
    return this.entries.find(([k]) => k === key)?.[1];
  }

  getAll(name: string): string[] {
    const key = lowerAscii(name);
    return this.entries.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  add(name: string, value: string): void {
    const key = lowerAscii(name);
    if (key.startsWith(":")) {
      const firstRegular = this.entries.findIndex(([k]) => !k.startsWith(":"));
      const at = firstRegular === -1 ? this.entries.length : firstRegular;
      this.entries.splice(at, 0, [key, value]);
    } else {
      this.entries.push([key, value]);
    }
  }

  set(name: string, value: string): void {
    this.remove(name);
    this.add(name, value);
  }

  remove(name: string): void {
    const key = lowerAscii(name);
    this.entries = this.entries.filter(([k]) => k !== key);
  }

  /**
   * How Envoy's own setters for its O(1) headers (content-length, content-type, ...) behave:
   * the first entry takes the value where it stands (later repeats are dropped); without
   * one, a new entry is added.
   */
  setInPlace(name: string, value: string): void {
    const key = lowerAscii(name);
    const at = this.entries.findIndex(([k]) => k === key);
    if (at === -1) {
      this.add(key, value);
      return;
    }
    // Envoy keeps one entry for such headers; later repeats go.
    this.entries = this.entries.filter(([k], i) => k !== key || i === at);
    this.entries[at] = [key, value];
  }

  keys(): string[] {
    return [...new Set(this.entries.map(([k]) => k))];
  }

  /** Every pair in order, as a fresh list. */
  list(): HeaderList {
    return this.entries.map(([k, v]) => [k, v]);
  }

  clone(): EnvoyHeaderMap {
    const copy = new EnvoyHeaderMap();
    copy.entries = this.list();
    return copy;
  }

  get size(): number {
    return this.entries.length;
  }
}
