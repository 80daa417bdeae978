/** cut, sort, uniq, tr */
import type { Program, ProgramContext } from '../interpreter/types';
import { decode, lines, parseArgs, prog, readInputs, usageError } from './util';

async function inputLines(ctx: ProgramContext, files: string[]): Promise<{ lines: string[]; failed: boolean }> {
  const { inputs, failed } = await readInputs(ctx, files);
  return { lines: inputs.flatMap((i) => lines(decode(i.data))), failed };
}

/** "1-3,5,7-" → a membership test (1-based) */
function parseList(spec: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return undefined;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

export const cut: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 's', 'cbdf', { characters: 'c', bytes: 'b', delimiter: 'd', fields: 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  const mode = a.values.has('f') ? 'f' : a.values.has('c') ? 'c' : a.values.has('b') ? 'b' : undefined;
  if (!mode) return usageError(ctx, 'you must specify a list of bytes, characters, or fields');
  const list = parseList(a.values.get(mode) as string);
  if (!list) {
    ctx.io.stderr.write(`${prog(ctx)}: invalid field range\n`);
    return 1;
  }
  const delim = a.values.get('d') ?? '\t';
  if ([...delim].length !== 1) return usageError(ctx, 'the delimiter must be a single character');
  const { lines: ls, failed } = await inputLines(ctx, a.operands);
  let out = '';
  for (const l of ls) {
    if (mode === 'f') {
      if (!l.includes(delim)) {
        if (!a.flags.has('s')) out += `${l}\n`;
        continue;
      }
      out += `${l
        .split(delim)
        .filter((_f, i) => list(i + 1))
        .join(delim)}\n`;
    } else {
      out += `${[...l].filter((_c, i) => list(i + 1)).join('')}\n`;
    }
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const sort: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'rnufbV', 'kto', { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  const { lines: ls, failed } = await inputLines(ctx, a.operands);
  const sep = a.values.get('t');
  const k = a.values.has('k') ? Number.parseInt(a.values.get('k') as string, 10) : 0;
  const key = (l: string) => {
    let s = l;
    if (k > 0) s = (sep !== undefined ? l.split(sep) : l.trim().split(/\s+/)).slice(k - 1).join(sep ?? ' ');
    return a.flags.has('f') ? s.toUpperCase() : s;
  };
  const num = (s: string) => {
    const m = /^\s*(-?\d+(\.\d+)?)/.exec(s);
    return m ? Number(m[1]) : 0;
  };
  const cmp = (x: string, y: string): number => {
    const kx = key(x);
    const ky = key(y);
    if (a.flags.has('n')) {
      const d = num(kx) - num(ky);
      if (d !== 0) return d;
    } else if (kx !== ky) return kx < ky ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let sorted = [...ls].sort(cmp);
  if (a.flags.has('r')) sorted.reverse();
  if (a.flags.has('u')) sorted = sorted.filter((l, i) => i === 0 || (a.flags.has('n') ? num(key(l)) !== num(key(sorted[i - 1])) : key(l) !== key(sorted[i - 1])));
  ctx.io.stdout.write(sorted.map((l) => `${l}\n`).join(''));
  return failed ? 2 : 0;
};

export const uniq: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'cdui', '', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
  if ('error' in a) return usageError(ctx, a.error);
  const { lines: ls, failed } = await inputLines(ctx, a.operands.slice(0, 1));
  const same = (x: string, y: string) => (a.flags.has('i') ? x.toLowerCase() === y.toLowerCase() : x === y);
  const groups: { line: string; n: number }[] = [];
  for (const l of ls) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = '';
  for (const g of groups) {
    if (a.flags.has('d') && g.n < 2) continue;
    if (a.flags.has('u') && g.n > 1) continue;
    out += a.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`;
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\v\f',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

/** expand a tr set: ranges a-z, classes [:upper:], escapes \n \t \\ */
export function expandSet(s: string): string[] {
  const out: string[] = [];
  const chars = [...s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')];
  for (let i = 0; i < chars.length; i++) {
    const rest = chars.slice(i).join('');
    const cls = /^\[:([a-z]+):\]/.exec(rest);
    if (cls && Object.hasOwn(CLASSES, cls[1])) {
      out.push(...CLASSES[cls[1]]);
      i += cls[0].length - 1;
    } else if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      const lo = chars[i].codePointAt(0) as number;
      const hi = chars[i + 2].codePointAt(0) as number;
      for (let c = lo; c <= hi; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}

export const tr: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'dsc');
  if ('error' in a) return usageError(ctx, a.error);
  const [s1, s2] = a.operands;
  if (s1 === undefined) return usageError(ctx, 'missing operand');
  if (s2 === undefined && !a.flags.has('d') && !a.flags.has('s')) return usageError(ctx, `missing operand after '${s1}'`);
  const set1 = expandSet(s1);
  const set2 = s2 !== undefined ? expandSet(s2) : [];
  let prev = '';
  const squeeze = new Set(a.flags.has('s') ? (s2 !== undefined && !a.flags.has('d') ? set2 : set1) : []);
  // what each character of set 1 becomes (the first place it has in set 1 counts): '' when deleted
  const deleting = a.flags.has('d');
  const map = new Map<string, string>();
  set1.forEach((c, i) => {
    if (!map.has(c)) map.set(c, deleting ? '' : set2.length ? (set2[Math.min(i, set2.length - 1)] as string) : c);
  });
  const inSet1 = map.size ? new RegExp(`[${[...map.keys()].map((c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`).join('')}]`, 'gu') : undefined;
  // tr works as its input comes: a chunk in, a chunk out (its input may never end)
  const decoder = new TextDecoder();
  for (let chunk = await ctx.io.stdin.read(); ; chunk = await ctx.io.stdin.read()) {
    const text = chunk === null ? decoder.decode() : decoder.decode(chunk, { stream: true });
    let out = '';
    if (squeeze.size === 0) out = inSet1 ? text.replace(inSet1, (c) => map.get(c) as string) : text;
    else {
      for (const c of text) {
        const r = map.get(c) ?? c;
        if (r === '' && deleting) continue;
        if (squeeze.has(r) && r === prev) continue;
        out += r;
        prev = r;
      }
    }
    if (out !== '') ctx.io.stdout.write(out);
    if (chunk === null) return 0;
    const full = ctx.io.stdout.drain?.();
    if (full) await full;
  }
};
