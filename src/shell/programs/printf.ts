/** printf FORMAT [ARG]…: %s %b %q %c %d %i %u %x %X %o %f %e %g %%, flags, width, precision; the format is reused for extra arguments */
import { texts } from '../i18n';
import type { Program } from '../interpreter/types';
import { decodeEscapes } from './escapes';

/**
 * the widest field (width or precision) printf writes: `printf '%999999999d'`
 * would make a gigabyte of spaces (bash writes them); the simulator says so instead
 */
export const MAX_FIELD = 1 << 20;

/** %.Nf: JavaScript gives at most 100 digits; the rest are zeros */
function fixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return String(v).replace('Infinity', 'inf').replace('NaN', 'nan');
  return digits <= 100 ? v.toFixed(digits) : v.toFixed(100) + '0'.repeat(digits - 100);
}

/** %.Ne with a two-digit exponent like C */
function exponential(v: number, digits: number): string {
  if (!Number.isFinite(v)) return String(v).replace('Infinity', 'inf').replace('NaN', 'nan');
  const s = v.toExponential(Math.min(digits, 100)).replace(/e([+-])(\d)$/, 'e$10$2');
  return digits <= 100 ? s : s.replace('e', `${'0'.repeat(digits - 100)}e`);
}

class FieldTooWide {
  constructor(readonly width: number) {}
}

export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`));
}

function pad(s: string, flags: string, width: number | undefined, numeric: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

export const printf: Program = async (ctx) => {
  const name = 'printf';
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    ctx.io.stderr.write(`${name}: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  const format = args.shift() as string;
  let status = 0;
  let out = '';
  const num = (a: string | undefined, float: boolean): number => {
    if (a === undefined || a === '') return 0;
    if (/^['"]/.test(a)) return a.codePointAt(1) ?? 0;
    const v = float ? Number(a) : /^[-+]?0x[0-9a-f]+$/i.test(a) ? Number.parseInt(a, 16) : /^[-+]?0[0-7]+$/.test(a) ? Number.parseInt(a, 8) : Number(a);
    if (Number.isNaN(v) || (!float && !/^[-+]?(0x[0-9a-f]+|\d+)$/i.test(a.trim()))) {
      ctx.io.stderr.write(`${name}: ${a}: invalid number\n`);
      status = 1;
      const lead = /^[-+]?\d+/.exec(a);
      return lead ? Number(lead[0]) : 0;
    }
    return v;
  };
  const field = (n: number | undefined): number | undefined => {
    if (n !== undefined && Math.abs(n) > MAX_FIELD) throw new FieldTooWide(n);
    return n;
  };
  const spec = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([sbqcdiuxXofeEgG%])/g;
  try {
    let first = true;
    while (first || args.length > 0) {
      first = false;
      let used = 0;
      let stop = false;
      let last = 0;
      const take = () => {
        used++;
        return args.shift();
      };
      for (let m = spec.exec(format); m; m = spec.exec(format)) {
        out += decodeEscapes(format.slice(last, m.index), 'printf').text;
        last = m.index + m[0].length;
        const [, flags, w, p, conv] = m;
        if (conv === '%') {
          out += '%';
          continue;
        }
        const width = field(w === '*' ? num(take(), false) : w ? Number(w) : undefined);
        const prec = field(p === '*' ? num(take(), false) : p !== undefined ? Number(p || 0) : undefined);
        const a = take();
        let s: string;
        switch (conv) {
          case 's':
            s = a ?? '';
            if (prec !== undefined) s = s.slice(0, prec);
            break;
          case 'b': {
            const d = decodeEscapes(a ?? '', 'echo');
            s = d.text;
            stop = d.stop;
            break;
          }
          case 'q':
            s = shellQuote(a ?? '');
            break;
          case 'c':
            s = (a ?? '').slice(0, 1);
            break;
          case 'd':
          case 'i':
          case 'u': {
            const v = Math.trunc(num(a, false));
            s = (v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + String(Math.abs(v)).padStart(prec ?? 0, '0');
            break;
          }
          case 'x':
          case 'X':
          case 'o': {
            const v = Math.trunc(num(a, false));
            s = v.toString(conv === 'o' ? 8 : 16);
            if (conv === 'X') s = s.toUpperCase();
            break;
          }
          default: {
            const v = num(a, true);
            const pr = prec ?? 6;
            s = conv === 'f' ? fixed(v, pr) : conv === 'e' || conv === 'E' ? exponential(v, pr) : String(Number(v.toPrecision(Math.min(pr || 1, 100))));
            if (conv === 'E' || conv === 'G') s = s.toUpperCase();
            if (flags.includes('+') && v >= 0) s = `+${s}`;
          }
        }
        out += pad(s, flags, width, 'diuxXofeEgG'.includes(conv));
        if (stop) break;
      }
      if (stop) break;
      out += decodeEscapes(format.slice(last), 'printf').text;
      spec.lastIndex = 0;
      if (used === 0) break;
    }
  } catch (e) {
    if (!(e instanceof FieldTooWide)) throw e;
    ctx.io.stdout.write(out);
    ctx.io.stderr.write(texts(ctx.lang).fieldTooWide(name, e.width, MAX_FIELD));
    return 1;
  }
  ctx.io.stdout.write(out);
  return status;
};
