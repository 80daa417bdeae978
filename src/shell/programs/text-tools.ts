/** tac, rev, nl, paste, yes, realpath, readlink (GNU and busybox share their output) */
import { FsError } from '../../api/fs';
import { HOLD_TURNS, yieldToEventLoop } from '../interpreter/pace';
import type { Program } from '../interpreter/types';
import { decodeEscapes } from './escapes';
import { abs, decode, errText, isBusybox, lines, parseArgs, prog, readInputs, usageError } from './util';

export const tac: Program = async (ctx) => {
  const { inputs, failed } = await readInputs(ctx, ctx.argv.slice(1));
  let out = '';
  for (const inp of inputs) out += lines(decode(inp.data)).reverse().map((l) => `${l}\n`).join('');
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const rev: Program = async (ctx) => {
  const { inputs, failed } = await readInputs(ctx, ctx.argv.slice(1));
  let out = '';
  for (const inp of inputs) out += lines(decode(inp.data)).map((l) => `${[...l].reverse().join('')}\n`).join('');
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const nl: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'p', 'bwsv', { 'body-numbering': 'b', 'number-width': 'w', 'number-separator': 's', 'starting-line-number': 'v' });
  if ('error' in a) return usageError(ctx, a.error);
  const all = a.values.get('b') === 'a';
  const width = Number(a.values.get('w') ?? 6);
  const sep = a.values.get('s') ?? '\t';
  let n = Number(a.values.get('v') ?? 1);
  const { inputs, failed } = await readInputs(ctx, a.operands);
  let out = '';
  for (const inp of inputs) {
    for (const l of lines(decode(inp.data))) {
      if (l === '' && !all) out += `${' '.repeat(width)}${sep === '\t' ? ' ' : ''}\n`.replace(/ +\n$/, '\n');
      else out += `${String(n++).padStart(width)}${sep}${l}\n`;
    }
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const paste: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 's', 'd', { serial: 's', delimiters: 'd' });
  if ('error' in a) return usageError(ctx, a.error);
  const delims = [...decodeEscapes(a.values.get('d') ?? '\t', 'echo').text];
  if (delims.length === 0) delims.push('');
  const columns: string[][] = [];
  let failed = false;
  for (const f of a.operands.length ? a.operands : ['-']) {
    const r = await readInputs(ctx, [f]);
    failed ||= r.failed;
    if (r.inputs[0]) columns.push(lines(decode(r.inputs[0].data)));
  }
  const join = (parts: string[]) => parts.reduce((acc, p, i) => (i === 0 ? p : acc + delims[(i - 1) % delims.length] + p), '');
  let out = '';
  if (a.flags.has('s')) for (const c of columns) out += `${join(c)}\n`;
  else {
    const rows = Math.max(0, ...columns.map((c) => c.length));
    for (let r = 0; r < rows; r++) out += `${join(columns.map((c) => c[r] ?? ''))}\n`;
  }
  ctx.io.stdout.write(out);
  return failed ? 1 : 0;
};

export const yes: Program = async (ctx) => {
  const word = ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y';
  const chunk = `${word}\n`.repeat(Math.max(1, Math.floor(4096 / (word.length + 1))));
  // endless, as the real one: a closed pipe (head) or Ctrl-C ends it; past
  // HOLD_TURNS chunks it no longer holds simulated time (a step's timeout comes)
  for (let turns = 1; ; turns++) {
    if (ctx.io.interrupt.aborted) return 130;
    ctx.io.stdout.write(chunk);
    await yieldToEventLoop(turns <= HOLD_TURNS);
  }
};

/** realpath / readlink -f: every symlink followed */
function canonical(ctx: Parameters<Program>[0], path: string, mustExist: boolean): string {
  const parts = abs(ctx, path).split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    let hops = 0;
    let next = `${cur}/${parts[i]}`;
    for (;;) {
      let st: ReturnType<typeof ctx.fs.lstat>;
      try {
        st = ctx.fs.lstat(next);
      } catch (e) {
        if (!mustExist && i === parts.length - 1 && e instanceof FsError && e.code === 'ENOENT') return next;
        throw e;
      }
      if (st.type !== 'symlink') break;
      if (++hops > 40) throw new FsError('ELOOP', path);
      const target = st.target ?? '';
      next = abs({ ...ctx, cwd: cur || '/' }, target);
    }
    cur = next === '/' ? '' : next;
  }
  return cur || '/';
}

export const realpath: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'eqsm');
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) return usageError(ctx, 'missing operand');
  let status = 0;
  let out = '';
  for (const p of a.operands) {
    try {
      out += `${canonical(ctx, p, a.flags.has('e'))}\n`;
    } catch (e) {
      ctx.io.stdout.write(out);
      out = '';
      ctx.io.stderr.write(isBusybox(ctx) ? `${prog(ctx)}: ${p}: ${errText(e)}\n` : `${prog(ctx)}: ${p}: ${errText(e)}\n`);
      status = 1;
    }
  }
  ctx.io.stdout.write(out);
  return status;
};

export const readlink: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'fenqsv', '', { canonicalize: 'f' });
  if ('error' in a) return usageError(ctx, a.error);
  if (a.operands.length === 0) return usageError(ctx, 'missing operand');
  let status = 0;
  let out = '';
  for (const p of a.operands) {
    try {
      out += `${a.flags.has('f') || a.flags.has('e') ? canonical(ctx, p, a.flags.has('e')) : ctx.fs.readlink(abs(ctx, p))}${a.flags.has('n') ? '' : '\n'}`;
    } catch (e) {
      if (a.flags.has('v')) ctx.io.stderr.write(`readlink: ${p}: ${errText(e)}\n`);
      status = 1;
    }
  }
  ctx.io.stdout.write(out);
  return status;
};
