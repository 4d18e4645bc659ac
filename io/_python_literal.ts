// A reader for the small subset of Python literals that a `.npy` header holds:
// `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`. NumPy reads
// the header with `ast.literal_eval`; this accepts the same shapes of values
// (dicts, tuples, lists, strings, integers, True/False/None) and nothing else,
// so a header can never make us run code or build surprising objects.

/** A parsed Python literal. Tuples and lists stay apart: a shape must be a tuple. */
export type PythonValue =
  | string
  | number
  | boolean
  | null
  | { readonly kind: "tuple"; readonly items: PythonValue[] }
  | { readonly kind: "list"; readonly items: PythonValue[] }
  | { readonly kind: "dict"; readonly entries: Map<string, PythonValue> };

/**
 * Parse `text` as one Python literal. Throws a `SyntaxError` that names the
 * position of the first thing it does not understand.
 */
export function parsePythonLiteral(text: string): PythonValue {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.skipSpace();
  if (!reader.done()) reader.fail("end of the header");
  return value;
}

class LiteralReader {
  #text: string;
  #at = 0;
  #depth = 0;

  constructor(text: string) {
    this.#text = text;
  }

  done(): boolean {
    return this.#at >= this.#text.length;
  }

  skipSpace(): void {
    while (!this.done() && " \t\n\r".includes(this.#text[this.#at])) {
      this.#at++;
    }
  }

  fail(expected: string): never {
    const found = this.done()
      ? "the end of the text"
      : JSON.stringify(this.#text.slice(this.#at, this.#at + 12));
    throw new SyntaxError(
      `Expected ${expected} at character ${this.#at}, found ${found}`,
    );
  }

  value(): PythonValue {
    this.skipSpace();
    // Headers are flat; a deep nest is garbage, not a header.
    if (++this.#depth > 32) this.fail("a shallower value");
    try {
      const c = this.#text[this.#at];
      if (c === "{") return this.#dict();
      if (c === "(") return this.#sequence("tuple", ")");
      if (c === "[") return this.#sequence("list", "]");
      if (c === "'" || c === '"') return this.#string();
      if (c === "-" || (c >= "0" && c <= "9")) return this.#integer();
      for (const [word, value] of KEYWORDS) {
        if (this.#text.startsWith(word, this.#at)) {
          this.#at += word.length;
          return value;
        }
      }
      return this.fail("a Python literal");
    } finally {
      this.#depth--;
    }
  }

  #dict(): PythonValue {
    this.#at++;
    const entries = new Map<string, PythonValue>();
    while (true) {
      this.skipSpace();
      if (this.#text[this.#at] === "}") break;
      const key = this.value();
      if (typeof key !== "string") this.fail("a string key");
      this.skipSpace();
      if (this.#text[this.#at] !== ":") this.fail("':'");
      this.#at++;
      entries.set(key as string, this.value());
      this.skipSpace();
      if (this.#text[this.#at] === ",") this.#at++;
      else if (this.#text[this.#at] !== "}") this.fail("',' or '}'");
    }
    this.#at++;
    return { kind: "dict", entries };
  }

  #sequence(kind: "tuple" | "list", close: string): PythonValue {
    this.#at++;
    const items: PythonValue[] = [];
    let sawComma = false;
    while (true) {
      this.skipSpace();
      if (this.#text[this.#at] === close) break;
      items.push(this.value());
      this.skipSpace();
      if (this.#text[this.#at] === ",") {
        this.#at++;
        sawComma = true;
      } else if (this.#text[this.#at] !== close) {
        this.fail(`',' or '${close}'`);
      }
    }
    this.#at++;
    // `(3)` is the number 3 in Python, not a tuple.
    if (kind === "tuple" && items.length === 1 && !sawComma) return items[0];
    return { kind, items };
  }

  #string(): string {
    const quote = this.#text[this.#at++];
    let out = "";
    while (true) {
      if (this.done()) this.fail(`a closing ${quote}`);
      const c = this.#text[this.#at++];
      if (c === quote) return out;
      if (c === "\\") {
        if (this.done()) this.fail("an escaped character");
        out += this.#text[this.#at++];
      } else {
        out += c;
      }
    }
  }

  #integer(): number {
    const match = /^-?[0-9]+L?/.exec(this.#text.slice(this.#at, this.#at + 40));
    if (match === null) this.fail("an integer");
    this.#at += match[0].length;
    // Python 2 wrote long integers as `3L`; NumPy still reads them.
    return Number(match[0].replace("L", ""));
  }
}

const KEYWORDS: [string, PythonValue][] = [
  ["True", true],
  ["False", false],
  ["None", null],
];
