/**
 * compare.py's json_canon(): parse inspect-style JSON keeping key order, with
 * objects as lists of [key, value] pairs ({} becomes [] like Python's
 * object_pairs_hook=list) and maps keyed by ids sorted. Numbers keep Python's
 * int/float distinction. Returns null when the text is not JSON.
 */
type J = null | boolean | string | { num: string } | J[] | { pairs: [string, J][] };

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }
  fail(): never {
    throw new SyntaxError(`bad JSON at ${this.i}`);
  }
  value(): J {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [lit, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(lit, this.i)) {
        this.i += lit.length;
        return v;
      }
    }
    const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r?.[0]) this.fail();
    this.i += r[0].length;
    if (r[1] || r[2]) return { num: `f:${String(Number(r[0]))}` };
    return { num: `i:${BigInt(r[0]).toString()}` };
  }
  string(): string {
    const m = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    m.lastIndex = this.i;
    const r = m.exec(this.s);
    if (!r) this.fail();
    this.i += r[0].length;
    return JSON.parse(r[0]) as string;
  }
  array(): J[] {
    this.i++;
    const out: J[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail();
    }
  }
  object(): J {
    this.i++;
    const pairs: [string, J][] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return [];
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail();
      const k = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail();
      pairs.push([k, this.value()]);
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return { pairs };
      if (c !== ',') this.fail();
    }
  }
}

function fix(v: J): unknown {
  if (v && typeof v === 'object' && 'pairs' in v) {
    const pairs = v.pairs.map(([k, x]) => [k, fix(x)] as [string, unknown]);
    if (pairs.length > 1 && pairs.every(([k]) => k.startsWith('<ID'))) {
      const key = (p: unknown) => JSON.stringify(p);
      pairs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    }
    return pairs;
  }
  if (v && typeof v === 'object' && 'num' in v) return `\u0000${v.num}`;
  if (Array.isArray(v)) return v.map(fix);
  return v;
}

export function jsonCanon(text: string): string | null {
  let doc: J;
  try {
    const p = new Parser(text);
    doc = p.value();
    p.ws();
    if (p.i !== text.length) return null;
  } catch {
    return null;
  }
  return JSON.stringify(fix(doc), null, 1);
}
