/**
 * A parser for JavaScript regular expressions (ES2023 syntax, with the Annex B leniency
 * browsers and Node accept outside unicode mode), producing a small tree that emit.ts
 * turns into Go RE2 syntax. Constructs RE2 cannot run are reported, not approximated.
 */

export type Node =
  | { t: "alt"; alts: Node[] }
  | { t: "seq"; items: Node[] }
  | { t: "char"; cp: number }
  | { t: "any" } // .
  | { t: "class"; negated: boolean; items: ClassItem[] }
  | { t: "group"; capture: boolean; name?: string; index?: number; body: Node }
  | { t: "repeat"; min: number; max: number; lazy: boolean; body: Node }
  | { t: "assert"; kind: "^" | "$" | "\\b" | "\\B" };

export type ClassItem = { t: "range"; from: number; to: number } | { t: "escape"; kind: "d" | "D" | "w" | "W" | "s" | "S" } | { t: "property"; negated: boolean; name: string };

export class RegexError extends Error {
  constructor(
    readonly feature: string,
    readonly unsupported: boolean,
  ) {
    super(feature);
  }
}

export interface ParsedRegex {
  root: Node;
  groupCount: number;
  groupNames: (string | undefined)[];
}

export function parseRegex(source: string, unicode: boolean): ParsedRegex {
  return new Parser(source, unicode).parse();
}

class Parser {
  private pos = 0;
  private groups = 0;
  private readonly names: (string | undefined)[] = [];

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  parse(): ParsedRegex {
    const root = this.disjunction();
    if (this.pos < this.src.length) throw new RegexError(`an unmatched ')'`, false);
    return { root, groupCount: this.groups, groupNames: this.names };
  }

  private peek(o = 0): string | undefined {
    return this.src[this.pos + o];
  }

  private eat(c: string): boolean {
    if (this.src.startsWith(c, this.pos)) {
      this.pos += c.length;
      return true;
    }
    return false;
  }

  private disjunction(): Node {
    const alts: Node[] = [this.alternative()];
    while (this.eat("|")) alts.push(this.alternative());
    return alts.length === 1 ? alts[0]! : { t: "alt", alts };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.term();
      if (atom) items.push(atom);
    }
    return { t: "seq", items };
  }

  private term(): Node | undefined {
    const c = this.peek()!;
    if (c === "^") {
      this.pos++;
      return { t: "assert", kind: "^" };
    }
    if (c === "$") {
      this.pos++;
      return { t: "assert", kind: "$" };
    }
    if (c === "\\" && (this.peek(1) === "b" || this.peek(1) === "B")) {
      this.pos += 2;
      return this.quantified({ t: "assert", kind: this.src[this.pos - 1] === "b" ? "\\b" : "\\B" }, true);
    }
    if (this.src.startsWith("(?=", this.pos) || this.src.startsWith("(?!", this.pos)) throw new RegexError("a lookahead ((?=...) or (?!...))", true);
    if (this.src.startsWith("(?<=", this.pos) || this.src.startsWith("(?<!", this.pos)) throw new RegexError("a lookbehind ((?<=...) or (?<!...))", true);
    return this.quantified(this.atom(), false);
  }

  private quantified(atom: Node, isAssertion: boolean): Node {
    const start = this.pos;
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) {
        if (this.unicode) throw new RegexError("an incomplete quantifier", false);
        return atom; // Annex B: a literal '{'
      }
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      if (max < min) throw new RegexError("numbers out of order in a {} quantifier", false);
      if (min > 1000 || (max !== Infinity && max > 1000)) throw new RegexError("a repetition count above 1000", true);
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (isAssertion) {
      if (this.unicode) throw new RegexError("a quantified assertion", false);
      this.pos = start;
      throw new RegexError("a quantified assertion", true);
    }
    const lazy = this.eat("?");
    return { t: "repeat", min, max, lazy, body: atom };
  }

  private atom(): Node {
    const c = this.src[this.pos]!;
    switch (c) {
      case ".":
        this.pos++;
        return { t: "any" };
      case "(":
        return this.group();
      case "[":
        return this.characterClass();
      case "\\":
        return this.atomEscape();
      case "*":
      case "+":
      case "?":
        throw new RegexError("nothing to repeat", false);
      case "{":
        if (this.unicode) throw new RegexError("a lone '{'", false);
        this.pos++;
        return { t: "char", cp: 0x7b };
      case "}":
      case "]":
        if (this.unicode) throw new RegexError(`a lone '${c}'`, false);
        this.pos++;
        return { t: "char", cp: c.charCodeAt(0) };
    }
    return { t: "char", cp: this.sourceChar() };
  }

  /** One source character: a code point in unicode mode, else a UTF-16 unit. */
  private sourceChar(): number {
    const cp = this.unicode ? this.src.codePointAt(this.pos)! : this.src.charCodeAt(this.pos);
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private group(): Node {
    this.pos++; // (
    let capture = true;
    let name: string | undefined;
    if (this.eat("?:")) capture = false;
    else if (this.src.startsWith("?<", this.pos)) {
      const m = /^\?<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.pos));
      if (!m) throw new RegexError("an invalid group name", false);
      name = m[1];
      if (this.names.includes(name)) throw new RegexError("a duplicate group name", false);
      this.pos += m[0].length;
    } else if (this.peek() === "?") throw new RegexError("an unknown group kind (?" + (this.peek(1) ?? "") + ")", true);
    let index: number | undefined;
    if (capture) {
      index = ++this.groups;
      this.names.push(name);
    }
    const body = this.disjunction();
    if (!this.eat(")")) throw new RegexError("an unterminated group", false);
    const g: Node = { t: "group", capture, body };
    if (name !== undefined) g.name = name;
    if (index !== undefined) g.index = index;
    return g;
  }

  private atomEscape(): Node {
    this.pos++; // backslash
    const c = this.peek();
    if (c === undefined) throw new RegexError("a trailing backslash", false);
    if (/[1-9]/.test(c)) {
      // A backreference, or (Annex B, without that many groups) an octal escape: both rejected.
      throw new RegexError("a backreference (\\" + c + ")", true);
    }
    if (c === "k" && (this.unicode || this.src.includes("(?<"))) throw new RegexError("a named backreference (\\k<name>)", true);
    if ("dDwWsS".includes(c)) {
      this.pos++;
      return { t: "class", negated: false, items: [{ t: "escape", kind: c as "d" }] };
    }
    if ((c === "p" || c === "P") && this.unicode) {
      return { t: "class", negated: false, items: [this.property()] };
    }
    return { t: "char", cp: this.characterEscape(false) };
  }

  private property(): ClassItem {
    const negated = this.src[this.pos] === "P";
    const m = /^[pP]\{([A-Za-z_=]+)\}/.exec(this.src.slice(this.pos));
    if (!m) throw new RegexError("an invalid \\p{...} escape", false);
    this.pos += m[0].length;
    return { t: "property", negated, name: m[1]! };
  }

  /** The character a character escape (after the backslash) stands for. */
  private characterEscape(inClass: boolean): number {
    const c = this.src[this.pos]!;
    this.pos++;
    switch (c) {
      case "t":
        return 9;
      case "n":
        return 10;
      case "v":
        return 11;
      case "f":
        return 12;
      case "r":
        return 13;
      case "0":
        if (/[0-9]/.test(this.peek() ?? "")) throw new RegexError("an octal escape", true);
        return 0;
      case "c": {
        const l = this.peek();
        if (l && /[A-Za-z]/.test(l)) {
          this.pos++;
          return l.charCodeAt(0) % 32;
        }
        if (this.unicode) throw new RegexError("an invalid \\c escape", false);
        this.pos--;
        return 0x5c; // Annex B: the backslash itself
      }
      case "x": {
        const m = /^[0-9A-Fa-f]{2}/.exec(this.src.slice(this.pos));
        if (!m) {
          if (this.unicode) throw new RegexError("an invalid \\x escape", false);
          return 0x78;
        }
        this.pos += 2;
        return parseInt(m[0], 16);
      }
      case "u": {
        if (this.unicode && this.peek() === "{") {
          const m = /^\{([0-9A-Fa-f]+)\}/.exec(this.src.slice(this.pos));
          if (!m || parseInt(m[1]!, 16) > 0x10ffff) throw new RegexError("an invalid \\u{...} escape", false);
          this.pos += m[0].length;
          return parseInt(m[1]!, 16);
        }
        const m = /^[0-9A-Fa-f]{4}/.exec(this.src.slice(this.pos));
        if (!m) {
          if (this.unicode) throw new RegexError("an invalid \\u escape", false);
          return 0x75;
        }
        this.pos += 4;
        let cp = parseInt(m[0], 16);
        if (this.unicode && cp >= 0xd800 && cp <= 0xdbff) {
          const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.src.slice(this.pos));
          if (low) {
            this.pos += 6;
            cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
          }
        }
        return cp;
      }
      case "b":
        if (inClass) return 8;
        break;
      case "-":
        if (inClass) return 0x2d;
        break;
    }
    if (this.unicode && !/[\^$\\.*+?()[\]{}|/]/.test(c)) throw new RegexError(`an invalid escape \\${c}`, false);
    this.pos--;
    return this.sourceChar();
  }

  private characterClass(): Node {
    this.pos++; // [
    const negated = this.eat("^");
    const items: ClassItem[] = [];
    while (this.peek() !== "]") {
      if (this.peek() === undefined) throw new RegexError("an unterminated character class", false);
      const from = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos++;
        const to = this.classAtom();
        if (typeof from !== "number" || typeof to !== "number") {
          if (this.unicode) throw new RegexError("a class escape in a range", false);
          for (const x of [from, { t: "range", from: 0x2d, to: 0x2d } as ClassItem, to]) items.push(typeof x === "number" ? { t: "range", from: x, to: x } : x);
          continue;
        }
        if (to < from) throw new RegexError("a character class range out of order", false);
        items.push({ t: "range", from, to });
        continue;
      }
      items.push(typeof from === "number" ? { t: "range", from, to: from } : from);
    }
    this.pos++; // ]
    return { t: "class", negated, items };
  }

  private classAtom(): number | ClassItem {
    if (this.peek() !== "\\") return this.sourceChar();
    this.pos++;
    const c = this.peek()!;
    if ("dDwWsS".includes(c)) {
      this.pos++;
      return { t: "escape", kind: c as "d" };
    }
    if ((c === "p" || c === "P") && this.unicode) return this.property();
    if (/[1-9]/.test(c)) {
      if (this.unicode) throw new RegexError("a backreference in a class", false);
      throw new RegexError("an octal escape in a class", true);
    }
    return this.characterEscape(true);
  }
}
