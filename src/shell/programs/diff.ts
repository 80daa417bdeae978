/**
 * diff [-u | -U N | -q] [-i] [-w] FILE1 FILE2: GNU diffutils (normal format by
 * default, unified with timestamps) and busybox (unified by default, plain
 * headers). Exit 0 same, 1 different, 2 trouble.
 */
import type { FileStat } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { baseName, joinPath } from '../vfs/path';
import { abs, decode, errText, isBusybox, parseArgs, usageError } from './util';

type Op = { kind: 'same' | 'del' | 'add'; a: number; b: number };

/** Myers' O(ND) shortest edit script between two line lists */
export function editScript(a: string[], b: string[], eq: (x: string, y: string) => boolean = (x, y) => x === y): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && eq(a[x], b[y])) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && (vv.get(k - 1) ?? -1) < (vv.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vv.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'same', a: --x, b: --y });
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', a: x, b: --y });
      else ops.push({ kind: 'del', a: --x, b: y });
    }
  }
  while (x > 0 && y > 0) ops.push({ kind: 'same', a: --x, b: --y });
  return ops.reverse();
}

function splitLines(text: string): { lines: string[]; noEol: boolean } {
  if (text === '') return { lines: [], noEol: false };
  const noEol = !text.endsWith('\n');
  const lines = text.split('\n');
  if (!noEol) lines.pop();
  return { lines, noEol };
}

const NO_EOL = '\\ No newline at end of file\n';

function range(start: number, count: number, unified: boolean): string {
  if (unified) {
    if (count === 0) return `${start},0`;
    return count === 1 ? String(start + 1) : `${start + 1},${count}`;
  }
  return count <= 1 ? String(start + 1) : `${start + 1},${start + count}`;
}

function unifiedHunks(ops: Op[], a: string[], b: string[], context: number, aNoEol: boolean, bNoEol: boolean): string {
  const changes = ops.map((o, i) => (o.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
  if (changes.length === 0) return '';
  let out = '';
  let i = 0;
  while (i < changes.length) {
    let end = i;
    while (end + 1 < changes.length && changes[end + 1] - changes[end] <= 2 * context + 1) end++;
    const from = Math.max(0, changes[i] - context);
    const to = Math.min(ops.length - 1, changes[end] + context);
    const slice = ops.slice(from, to + 1);
    const aStart = slice.find((o) => o.kind !== 'add')?.a ?? slice[0].a;
    const bStart = slice.find((o) => o.kind !== 'del')?.b ?? slice[0].b;
    const aCount = slice.filter((o) => o.kind !== 'add').length;
    const bCount = slice.filter((o) => o.kind !== 'del').length;
    out += `@@ -${range(aCount === 0 ? aStart : aStart, aCount, true)} +${range(bStart, bCount, true)} @@\n`;
    for (const o of slice) {
      if (o.kind === 'same') out += ` ${a[o.a]}\n${o.a === a.length - 1 && aNoEol ? NO_EOL : ''}`;
      else if (o.kind === 'del') out += `-${a[o.a]}\n${o.a === a.length - 1 && aNoEol ? NO_EOL : ''}`;
      else out += `+${b[o.b]}\n${o.b === b.length - 1 && bNoEol ? NO_EOL : ''}`;
    }
    i = end + 1;
  }
  return out;
}

function normalFormat(ops: Op[], a: string[], b: string[], aNoEol: boolean, bNoEol: boolean): string {
  let out = '';
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === 'same') {
      i++;
      continue;
    }
    const dels: Op[] = [];
    const adds: Op[] = [];
    const aAt = ops[i].a;
    const bAt = ops[i].b;
    while (i < ops.length && ops[i].kind !== 'same') {
      if (ops[i].kind === 'del') dels.push(ops[i]);
      else adds.push(ops[i]);
      i++;
    }
    if (dels.length && adds.length) out += `${range(dels[0].a, dels.length, false)}c${range(adds[0].b, adds.length, false)}\n`;
    else if (dels.length) out += `${range(dels[0].a, dels.length, false)}d${bAt}\n`;
    else out += `${aAt}a${range(adds[0].b, adds.length, false)}\n`;
    for (const d of dels) out += `< ${a[d.a]}\n${d.a === a.length - 1 && aNoEol ? NO_EOL : ''}`;
    if (dels.length && adds.length) out += '---\n';
    for (const d of adds) out += `> ${b[d.b]}\n${d.b === b.length - 1 && bNoEol ? NO_EOL : ''}`;
  }
  return out;
}

function stamp(st: FileStat): string {
  const d = new Date(st.mtime);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

interface Side {
  name: string;
  text: string;
  st?: FileStat;
}

async function readSide(ctx: ProgramContext, name: string, other?: string): Promise<Side | { error: string }> {
  if (name === '-') return { name, text: decode(await ctx.io.stdin.readAll()) };
  try {
    let p = abs(ctx, name);
    let st = ctx.fs.stat(p);
    if (st.type === 'dir' && other !== undefined) {
      p = joinPath(p, baseName(other));
      st = ctx.fs.stat(p);
      name = joinPath(name, baseName(other));
    }
    return { name, text: decode(ctx.fs.readFile(p)), st };
  } catch (e) {
    return { error: isBusybox(ctx) ? `diff: can't stat '${name}': ${errText(e)}` : `diff: ${name}: ${errText(e)}` };
  }
}

export const diff: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'uqiwbBNrsat', 'U', { unified: 'u', brief: 'q', 'ignore-case': 'i', 'ignore-all-space': 'w', 'ignore-space-change': 'b', recursive: 'r', text: 'a' });
  if ('error' in a) {
    if (isBusybox(ctx)) return usageError(ctx, a.error);
    ctx.io.stderr.write(`diff: ${a.error}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const bb = isBusybox(ctx);
  if (a.operands.length !== 2) {
    if (bb) return usageError(ctx, a.operands.length < 2 ? 'missing operand' : `extra operand '${a.operands[2]}'`);
    ctx.io.stderr.write(`diff: ${a.operands.length < 2 ? `missing operand after '${a.operands[0] ?? 'diff'}'` : `extra operand '${a.operands[2]}'`}\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const [n1, n2] = a.operands;
  const left = await readSide(ctx, n1, n2);
  const right = await readSide(ctx, n2, n1);
  for (const s of [left, right]) {
    if ('error' in s) {
      ctx.io.stderr.write(`${s.error}\n`);
      return 2;
    }
  }
  const L = left as Side;
  const R = right as Side;
  if (L.text === R.text) return 0;
  const f = a.flags;
  const norm = (s: string) => {
    let t = f.has('i') ? s.toLowerCase() : s;
    if (f.has('w')) t = t.replace(/\s+/g, '');
    else if (f.has('b')) t = t.replace(/\s+/g, ' ').replace(/ $/, '');
    return t;
  };
  const x = splitLines(L.text);
  const y = splitLines(R.text);
  const ops = editScript(x.lines, y.lines, (p, q) => norm(p) === norm(q));
  if (!ops.some((o) => o.kind !== 'same') && x.noEol === y.noEol) return 0;
  if (f.has('q')) {
    ctx.io.stdout.write(`Files ${L.name} and ${R.name} differ\n`);
    return 1;
  }
  const unified = f.has('u') || a.values.has('U') || bb;
  if (!unified) {
    ctx.io.stdout.write(normalFormat(ops, x.lines, y.lines, x.noEol, y.noEol));
    return 1;
  }
  const context = a.values.has('U') ? Number(a.values.get('U')) : 3;
  const head = bb ? `--- ${L.name}\n+++ ${R.name}\n` : `--- ${L.name}\t${L.st ? stamp(L.st) : ''}\n+++ ${R.name}\t${R.st ? stamp(R.st) : ''}\n`;
  ctx.io.stdout.write(head + unifiedHunks(ops, x.lines, y.lines, Number.isNaN(context) ? 3 : context, x.noEol, y.noEol));
  return 1;
};
