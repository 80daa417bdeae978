/**
 * fmt.Sprintf: format string parsing (flags, width, precision, `*`, `[n]` argument indexes) and
 * Go's error forms: `%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=2)`, `%!(NOVERB)`,
 * `%!v(BADINDEX)`, `%!(BADWIDTH)`, `%!(BADPREC)`.
 */
import { Printer, noFlags } from './print';
import { kindOf, toBigInt, typeName } from './values';

const TOO_LARGE = 1e6;

function parsenum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return { num: 0, ok: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

function intFromArg(args: unknown[], argNum: number): { num: number; ok: boolean; next: number } {
  if (argNum >= args.length) return { num: 0, ok: false, next: argNum };
  const a = args[argNum];
  const k = kindOf(a);
  let num = 0;
  let ok = false;
  if (k === 'int' || k === 'uint') {
    const n = toBigInt(a);
    if (n >= -(1n << 63n) && n < 1n << 63n) {
      num = Number(n);
      ok = true;
    }
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) {
    num = 0;
    ok = false;
  }
  return { num, ok, next: argNum + 1 };
}

export function sprintf(format: string, args: unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): number => {
    if (i >= end || format[i] !== '[') {
      afterIndex = false;
      return i;
    }
    reordered = true;
    // parseArgNumber
    const rest = format.slice(i);
    let ok = false;
    let index = 0;
    let wid = 1;
    if (rest.length >= 3) {
      for (let j = 1; j < rest.length; j++) {
        if (rest[j] === ']') {
          const r = parsenum(rest, 1, j);
          wid = j + 1;
          if (r.ok && r.next === j) {
            index = r.num - 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      afterIndex = true;
      return i + wid;
    }
    goodArgNum = false;
    afterIndex = ok;
    return i + wid;
  };

  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = noFlags();
    const f = p.f;
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              f.sharpV = f.sharp;
              f.sharp = false;
              f.plusV = f.plus;
              f.plus = false;
            }
            p.printArg(args[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }

    i = argNumber(i);

    if (i < end && format[i] === '*') {
      i++;
      const r = intFromArg(args, argNum);
      argNum = r.next;
      f.wid = r.ok ? r.num : null;
      if (!r.ok) p.out += '%!(BADWIDTH)';
      if (f.wid !== null && f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const r = parsenum(format, i, end);
      i = r.next;
      f.wid = r.ok ? r.num : null;
      if (afterIndex && r.ok) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      i = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        const r = intFromArg(args, argNum);
        argNum = r.next;
        f.prec = r.ok ? r.num : null;
        if (f.prec !== null && f.prec < 0) f.prec = null;
        if (f.prec === null) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const r = parsenum(format, i, end);
        i = r.next;
        f.prec = r.ok ? r.num : 0;
      }
    }

    if (!afterIndex) i = argNumber(i);

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') p.out += '%';
    else if (!goodArgNum) p.out += `%!${verb}(BADINDEX)`;
    else if (argNum >= args.length) p.out += `%!${verb}(MISSING)`;
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = noFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((a, j) => {
      if (j > 0) p.out += ', ';
      if (a === undefined || a === null) p.out += '<nil>';
      else {
        p.out += typeName(a) + '=';
        p.printArg(a, 'v');
      }
    });
    p.out += ')';
  }
  return p.out;
}
