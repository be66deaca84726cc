/**
 * JSON.parse with the error messages of the runtime's parser (envoy-go-runtime/js), so a
 * config that is not JSON is rejected with the same text on both backends. Positions are
 * byte offsets into the UTF-8 text, as in Go.
 */
export function parseJsonText(text: string): { value: unknown } | { error: string } {
  const problem = new SyntaxChecker(new TextEncoder().encode(text)).check();
  if (problem !== null) return { error: problem };
  return { value: JSON.parse(text) };
}

class Failure {
  constructor(readonly message: string) {}
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class SyntaxChecker {
  private pos = 0;

  constructor(private readonly s: Uint8Array) {}

  check(): string | null {
    try {
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.pos < this.s.length) this.fail(`unexpected ${this.describe()} after JSON value`);
      return null;
    } catch (err) {
      if (err instanceof Failure) return err.message;
      throw err;
    }
  }

  private fail(message: string): never {
    throw new Failure(`${message} at position ${this.pos}`);
  }

  private describe(): string {
    if (this.pos >= this.s.length) return "end of input";
    return `character ${goQuoteRune(runeAt(this.s, this.pos))}`;
  }

  private skipSpace(): void {
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  private startsWith(word: string): boolean {
    for (let i = 0; i < word.length; i++) {
      if (this.s[this.pos + i] !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  private value(): void {
    if (this.pos >= this.s.length) this.fail("unexpected end of input");
    const c = this.s[this.pos]!;
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === QUOTE) return this.string();
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    for (const word of ["true", "false", "null"]) {
      if (this.startsWith(word)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`unexpected ${this.describe()}`);
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] !== QUOTE) this.fail(`expected property name, got ${this.describe()}`);
      this.string();
      this.skipSpace();
      if (this.s[this.pos] !== 0x3a) this.fail(`expected ':', got ${this.describe()}`);
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.s[this.pos] === 0x2c) {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === 0x7d) {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or '}', got ${this.describe()}`);
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.s[this.pos] === 0x5d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.s[this.pos] === 0x2c) {
        this.pos++;
        continue;
      }
      if (this.s[this.pos] === 0x5d) {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or ']', got ${this.describe()}`);
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      if (this.pos >= this.s.length) this.fail("unterminated string");
      const c = this.s[this.pos]!;
      if (c === QUOTE) {
        this.pos++;
        return;
      }
      if (c < 0x20) this.fail("bad control character in string");
      if (c === BACKSLASH) {
        if (this.pos + 1 >= this.s.length) this.fail("unterminated string");
        const esc = this.s[this.pos + 1]!;
        this.pos += 2;
        if (esc === 0x75) {
          const hex = this.s.slice(this.pos, this.pos + 4);
          if (hex.length < 4 || !hex.every(isHexDigit)) this.fail("bad unicode escape");
          this.pos += 4;
          continue;
        }
        if (!'"\\/bfnrt'.includes(String.fromCharCode(esc))) {
          this.pos--;
          this.fail("bad escaped character");
        }
        continue;
      }
      this.pos += runeAt(this.s, this.pos).width;
    }
  }

  private number(): void {
    if (this.s[this.pos] === 0x2d) this.pos++;
    const digits = () => {
      let n = 0;
      while (this.pos < this.s.length && this.s[this.pos]! >= 0x30 && this.s[this.pos]! <= 0x39) {
        this.pos++;
        n++;
      }
      return n;
    };
    if (this.s[this.pos] === 0x30) this.pos++;
    else if (digits() === 0) this.fail("no number after minus sign");
    if (this.s[this.pos] === 0x2e) {
      this.pos++;
      if (digits() === 0) this.fail("unterminated fractional number");
    }
    if (this.s[this.pos] === 0x65 || this.s[this.pos] === 0x45) {
      this.pos++;
      if (this.s[this.pos] === 0x2b || this.s[this.pos] === 0x2d) this.pos++;
      if (digits() === 0) this.fail("exponent part is missing a number");
    }
  }
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

interface Rune {
  /** The code point, or -1 for a byte that does not start valid UTF-8. */
  cp: number;
  width: number;
}

/** Decodes one UTF-8 sequence as Go's utf8.DecodeRune does (invalid input: width 1). */
function runeAt(s: Uint8Array, at: number): Rune {
  const invalid: Rune = { cp: -1, width: 1 };
  const b0 = s[at]!;
  if (b0 < 0x80) return { cp: b0, width: 1 };
  let need: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) need = 2;
  else if (b0 >= 0xf0 && b0 <= 0xf4) need = 3;
  else return invalid;
  if (at + need >= s.length) return invalid;
  let cp = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let i = 1; i <= need; i++) {
    const b = s[at + i]!;
    if ((b & 0xc0) !== 0x80) return invalid;
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return invalid;
  return { cp, width: need + 1 };
}

const RUNE_ESCAPES: Record<number, string> = { 7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v", 0x27: "\\'", 0x5c: "\\\\" };

/** Go's strconv.QuoteRune. */
function goQuoteRune(rune: Rune): string {
  const cp = rune.cp < 0 ? 0xfffd : rune.cp;
  const escaped = RUNE_ESCAPES[cp];
  if (escaped !== undefined) return `'${escaped}'`;
  const ch = String.fromCodePoint(cp);
  if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) return `'${ch}'`;
  if (cp < 0x80) return `'\\x${cp.toString(16).padStart(2, "0")}'`;
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, "0")}'`;
  return `'\\U${cp.toString(16).padStart(8, "0")}'`;
}
