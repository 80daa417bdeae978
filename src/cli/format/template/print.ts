/**
 * The core of Go's fmt package for template values: printing one argument with a verb and flags
 * (%v of slices as `[a b]`, maps as `map[k:v]`, structs as `{a b}`, wrong verbs as
 * `%!d(string=x)`), plus Sprint and Sprintln.
 */
import { formatFloat, formatFloatBinary, formatFloatHex } from './floatfmt';
import { canBackquote, goQuote, goQuoteRune } from './quote';
import { type GoComplex, GoFloat, kindOf, mapGet, mapKeys, NilPointer, structFields, toBigInt, toNumber, typeName } from './values';

export interface FmtFlags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number | null;
  prec: number | null;
}

export function noFlags(): FmtFlags {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, wid: null, prec: null };
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class Printer {
  out = '';
  f: FmtFlags = noFlags();

  private padding(n: number, zero = this.f.zero): string {
    return n > 0 ? (zero ? '0' : ' ').repeat(n) : '';
  }

  /** fmt.pad: width in runes; left padding unless '-'. */
  pad(s: string): void {
    if (this.f.wid === null || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const w = this.f.wid - runeCount(s);
    this.out += this.f.minus ? s + this.padding(w) : this.padding(w) + s;
  }

  private truncate(s: string): string {
    if (this.f.prec === null) return s;
    return [...s].slice(0, this.f.prec).join('');
  }

  badVerb(verb: string, v: unknown): void {
    this.out += '%!' + verb + '(';
    if (v === undefined || v === null) this.out += '<nil>';
    else {
      this.out += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    }
    this.out += ')';
  }

  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const negative = v < 0n;
    let u = negative ? -v : v;
    let prec = 0;
    if (this.f.prec !== null) {
      prec = this.f.prec;
      if (prec === 0 && u === 0n) {
        this.out += this.padding(this.f.wid ?? 0, false);
        return;
      }
    } else if (this.f.zero && this.f.wid !== null) {
      prec = this.f.wid;
      if (negative || this.f.plus || this.f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    u = 0n;
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(digits);
    this.f.zero = z;
  }

  private printInt(v: unknown, verb: string): void {
    const n = toBigInt(v);
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtInteger(n, 10, verb, false);
        return;
      case 'b':
        this.fmtInteger(n, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(n, 8, verb, false);
        return;
      case 'x':
        this.fmtInteger(n, 16, verb, false);
        return;
      case 'X':
        this.fmtInteger(n, 16, verb, true);
        return;
      case 'c':
        this.pad(String.fromCodePoint(validRune(n)));
        return;
      case 'q':
        this.pad(goQuoteRune(validRune(n), this.f.plus));
        return;
      case 'U': {
        let s = 'U+' + n.toString(16).toUpperCase().padStart(4, '0');
        if (this.f.sharp && n >= 0n && n <= 0x10ffffn) s += ` '${String.fromCodePoint(Number(n))}'`;
        const z = this.f.zero;
        this.f.zero = false;
        this.pad(s);
        this.f.zero = z;
        return;
      }
      default:
        this.badVerb(verb, v);
        return;
    }
  }

  private printFloat(v: unknown, verb: string): void {
    const x = toNumber(v);
    let fmt: 'e' | 'E' | 'f' | 'F' | 'g' | 'G';
    let prec = -1;
    switch (verb) {
      case 'v':
        fmt = 'g';
        break;
      case 'x':
      case 'X':
        this.fmtFloatString(formatFloatHex(x, this.f.prec ?? -1, verb === 'X'));
        return;
      case 'b':
        this.fmtFloatString(formatFloatBinary(x));
        return;
      case 'g':
      case 'G':
        fmt = verb;
        break;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
        fmt = verb;
        prec = 6;
        break;
      default:
        this.badVerb(verb, v);
        return;
    }
    if (this.f.prec !== null) prec = this.f.prec;
    this.fmtFloatString(formatFloat(x, fmt, prec));
  }

  /** fmt.fmtFloat's sign and padding rules on a strconv result. */
  private fmtFloatString(s: string): void {
    let num = s[0] === '-' || s[0] === '+' ? s : '+' + s;
    if (this.f.space && num[0] === '+' && !this.f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const z = this.f.zero;
      this.f.zero = false;
      if (num[1] === 'N' && !this.f.space && !this.f.plus) num = num.slice(1);
      this.pad(num);
      this.f.zero = z;
      return;
    }
    if (this.f.plus || num[0] !== '+') {
      if (this.f.zero && this.f.wid !== null && this.f.wid > num.length) {
        this.out += num[0] + this.padding(this.f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private printString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        this.pad(this.f.sharpV ? goQuote(s) : this.truncate(s));
        return;
      case 's':
        this.pad(this.truncate(s));
        return;
      case 'q': {
        const t = this.truncate(s);
        this.pad(this.f.sharp && canBackquote(t) ? '`' + t + '`' : goQuote(t, this.f.plus));
        return;
      }
      case 'x':
      case 'X':
        this.fmtSx(s, verb === 'X');
        return;
      default:
        this.badVerb(verb, s);
        return;
    }
  }

  private fmtSx(s: string, upper: boolean): void {
    let bytes = [...new TextEncoder().encode(s)];
    if (this.f.prec !== null && this.f.prec < bytes.length) bytes = bytes.slice(0, this.f.prec);
    let out = '';
    bytes.forEach((b, i) => {
      if (this.f.space && i > 0) out += ' ';
      if (this.f.sharp && (this.f.space || i === 0)) out += upper ? '0X' : '0x';
      const h = b.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    this.pad(out);
  }

  /** Prints one value with `verb` (Go's printValue; depth > 0 inside composites). */
  printValue(v: unknown, verb: string, depth: number): void {
    if (verb === 'T') {
      this.pad(v === undefined || v === null ? '<nil>' : typeName(v));
      return;
    }
    switch (kindOf(v)) {
      case 'invalid':
      case 'nil':
        if (depth === 0 && v === undefined) this.out += '<invalid reflect.Value>';
        else this.out += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'ptrnil':
        if (verb === 'v') this.pad(this.f.sharpV ? `(${(v as NilPointer).typeName})(nil)` : '<nil>');
        else this.badVerb(verb, v);
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v);
        return;
      case 'int':
      case 'uint':
        this.printInt(v, verb);
        return;
      case 'float':
        this.printFloat(v, verb);
        return;
      case 'complex': {
        const c = v as GoComplex;
        const save = this.f.wid;
        this.f.wid = null;
        this.out += '(';
        this.printFloat(new GoFloat(c.re), verb);
        const plus = this.f.plus;
        this.f.plus = true;
        this.printFloat(new GoFloat(c.im), verb);
        this.f.plus = plus;
        this.out += 'i)';
        this.f.wid = save;
        return;
      }
      case 'string':
        this.printString(v as string, verb);
        return;
      case 'slice': {
        const arr = v as unknown[];
        if (this.f.sharpV) {
          this.out += typeName(v) + '{';
          arr.forEach((e, i) => {
            if (i > 0) this.out += ', ';
            this.printValue(e, verb, depth + 1);
          });
          this.out += '}';
          return;
        }
        this.out += '[';
        arr.forEach((e, i) => {
          if (i > 0) this.out += ' ';
          this.printValue(e, verb, depth + 1);
        });
        this.out += ']';
        return;
      }
      case 'map': {
        const m = v as object;
        this.out += this.f.sharpV ? typeName(v) + '{' : 'map[';
        mapKeys(m).forEach((k, i) => {
          if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
          this.printValue(k, verb, depth + 1);
          this.out += ':';
          this.printValue(mapGet(m, k), verb, depth + 1);
        });
        this.out += this.f.sharpV ? '}' : ']';
        return;
      }
      case 'struct': {
        if (this.f.sharpV) this.out += typeName(v).replace(/^\*/, '');
        this.out += '{';
        structFields(v as object).forEach(([name, fv], i) => {
          if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
          if (this.f.plusV || this.f.sharpV) this.out += name + ':';
          this.printValue(fv === null ? new NilPointer() : fv, verb, depth + 1);
        });
        this.out += '}';
        return;
      }
      case 'func':
        this.badVerb(verb, v);
        return;
    }
  }

  /** Go's printArg: top-level argument handling (nil args, %T, %p). */
  printArg(arg: unknown, verb: string): void {
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, undefined);
      return;
    }
    this.printValue(arg, verb, 0);
  }
}

function validRune(n: bigint): number {
  return n < 0n || n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn) ? 0xfffd : Number(n);
}

function isStringArg(a: unknown): boolean {
  return typeof a === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0 && !isStringArg(a) && !isStringArg(args[i - 1])) p.out += ' ';
    p.printArg(a, 'v');
  });
  return p.out;
}

/** fmt.Sprintln: spaces between all operands, newline at the end. */
export function sprintln(args: unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.out += ' ';
    p.printArg(a, 'v');
  });
  return p.out + '\n';
}
