import type { GoType } from "./types.js";

/** Go operator precedence, higher binds tighter. */
export const enum Prec {
  OrOr = 1,
  AndAnd = 2,
  Compare = 3,
  Add = 4,
  Mul = 5,
  Unary = 6,
  Primary = 7,
}

/** A lowered expression: Go source text, its precedence and its Go type. */
export interface GoExpr {
  code: string;
  prec: Prec;
  type: GoType;
  /** The JavaScript value of a compile-time numeric constant (for folding). */
  num?: number;
  /** The text is an untyped Go constant (a literal), valid as int or float64. */
  untyped?: boolean;
  /** Evaluating it twice is harmless: no calls, no side effects. */
  pure?: boolean;
  /** It is a call (valid as a Go expression statement). */
  call?: boolean;
  /** The code to use when the value is discarded (a bare call instead of js.Opt(call)). */
  statement?: string;
  /** The JavaScript value of a compile-time string constant. */
  str?: string;
  /** A float product (kept from fusing into a multiply-add). */
  product?: boolean;
  /** Evaluating it may panic (a type assertion, a dereference): never evaluated ahead of a condition. */
  unsafe?: boolean;
  /** A variable no function call can change (a const, a local no closure captures, a temporary). */
  stable?: boolean;
  /** Never changes at all once evaluated (a const, a temporary, the receiver). */
  fixed?: boolean;
  /** Not pure (it allocates: a new object each time) but runs no code that could change a variable. */
  effectFree?: boolean;
}

export function expr(code: string, type: GoType, prec: Prec = Prec.Primary, extra: Partial<GoExpr> = {}): GoExpr {
  return { code, type, prec, ...extra };
}

/** The code of e, parenthesized when it binds looser than `min`. */
export function paren(e: GoExpr, min: Prec): string {
  return e.prec < min ? `(${e.code})` : e.code;
}

/** Formats a JavaScript number as a Go constant expression of that exact float64 value. */
export function numberLiteral(v: number): { code: string; prec: Prec; needsMath: boolean } {
  if (Number.isNaN(v)) return { code: "math.NaN()", prec: Prec.Primary, needsMath: true };
  if (v === Infinity) return { code: "math.Inf(1)", prec: Prec.Primary, needsMath: true };
  if (v === -Infinity) return { code: "math.Inf(-1)", prec: Prec.Primary, needsMath: true };
  if (Object.is(v, -0)) return { code: "math.Copysign(0, -1)", prec: Prec.Primary, needsMath: true };
  const text = String(v);
  return { code: text, prec: v < 0 ? Prec.Unary : Prec.Primary, needsMath: false };
}

/** Whether a number literal's text reads as an integer constant in Go. */
export function isIntegerText(code: string): boolean {
  return /^-?\d+$/.test(code);
}

/** A Go interpreted string literal holding the JavaScript string s (WTF-8 for lone surrogates). */
export function stringLiteral(s: string): string {
  let out = "";
  let raw = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0x60) raw = false;
  }
  if (raw && s.includes('"') && !s.includes("\\")) return `\`${s}\``;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate: its generalized UTF-8 (WTF-8) bytes.
      const bytes = [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
      out += bytes.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("");
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += "\\\\";
        break;
      case 0x0a:
        out += "\\n";
        break;
      case 0x0d:
        out += "\\r";
        break;
      case 0x09:
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
        else if (c === 0x2028 || c === 0x2029 || c === 0xfeff) out += `\\u${c.toString(16)}`;
        else out += s[i];
    }
  }
  return `"${out}"`;
}
