/** sed [-n] [-E] [-i] [-e SCRIPT]… : s///flags, d, p, q, = with line, $ and /re/ addresses and ranges */
import type { Program } from '../interpreter/types';
import { toJsRegex } from './regex';
import { abs, decode, errText, lines, parseArgs, readInputs, usageError } from './util';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  op: 's' | 'd' | 'p' | 'q' | '=';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  /** range state */
  active?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${i}: ${msg}`);
  };
  const readDelimited = (delim: string): string => {
    let s = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        if (script[i + 1] === delim) s += delim;
        else if (script[i + 1] === 'n') s += '\n';
        else s += script.slice(i, i + 2);
        i += 2;
      } else s += script[i++];
    }
    if (i >= script.length) fail("unterminated `s' command");
    i++;
    return s;
  };
  const regex = (src: string, flags = '') => new RegExp(toJsRegex(src, extended), flags);
  const addr = (): Addr | undefined => {
    const m = /^\d+/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/' || script[i] === '\\') {
      const d = script[i] === '\\' ? script[++i] : '/';
      i++;
      return { kind: 're', re: regex(readDelimited(d)) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: Cmd = { negate: false, op: 'p' };
    cmd.a1 = addr();
    if (cmd.a1 && script[i] === ',') {
      i++;
      cmd.a2 = addr() ?? fail('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const op = script[i++];
    if (op === 's') {
      const d = script[i++];
      if (d === undefined || d === '\n' || d === '\\') fail("unterminated `s' command");
      const pat = readDelimited(d);
      cmd.replacement = readDelimited(d);
      let flags = '';
      while (i < script.length && /[gpiI0-9]/.test(script[i])) {
        const c = script[i++];
        if (c === 'g') cmd.global = true;
        else if (c === 'p') cmd.print = true;
        else if (c === 'i' || c === 'I') flags += 'i';
        else cmd.nth = Number(c);
      }
      cmd.op = 's';
      cmd.re = regex(pat, `${flags}g`);
    } else if (op === 'd' || op === 'p' || op === 'q' || op === '=') cmd.op = op;
    else fail(op === undefined ? 'missing command' : `unknown command: \`${op}'`);
    while (script[i] === ' ') i++;
    if (i < script.length && !/[;\n}]/.test(script[i])) fail(`extra characters after command`);
    cmds.push(cmd);
  }
  return cmds;
}

function substitute(line: string, c: Cmd): { text: string; changed: boolean } {
  const re = c.re as RegExp;
  re.lastIndex = 0;
  let n = 0;
  let changed = false;
  const text = line.replace(re, (...m) => {
    n++;
    const groups = m.slice(0, -2) as string[];
    if ((c.nth && n !== c.nth) || (!c.global && !c.nth && n > 1)) return groups[0];
    changed = true;
    return (c.replacement as string).replace(/\\([0-9&\\n])|&/g, (t, g: string | undefined) => {
      if (t === '&') return groups[0];
      if (g === '&') return '&';
      if (g === '\\') return '\\';
      if (g === 'n') return '\n';
      return groups[Number(g)] ?? '';
    });
  });
  return { text, changed };
}

function matches(a: Addr, line: string, n: number, last: boolean): boolean {
  if (a.kind === 'line') return n === a.n;
  if (a.kind === 'last') return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: Cmd, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, line, n, last);
  else if (c.active) {
    hit = true;
    if (c.a2.kind === 'line' ? n >= c.a2.n : matches(c.a2, line, n, last)) c.active = false;
  } else if (matches(c.a1, line, n, last)) {
    hit = true;
    c.active = !(c.a2.kind === 'line' && c.a2.n <= n);
  } else hit = false;
  return hit !== c.negate;
}

export const sed: Program = async (ctx) => {
  const args = ctx.argv.slice(1).map((x) => (x.startsWith('-i') && x.length > 2 ? '-i' : x));
  const a = parseArgs(args, 'nErsi', 'e', { quiet: 'n', silent: 'n', 'regexp-extended': 'E', expression: 'e', 'in-place': 'i' });
  if ('error' in a) return usageError(ctx, a.error);
  const scripts = ctx.argv.slice(1).flatMap((x, k, all) => (x === '-e' ? [all[k + 1]] : x.startsWith('-e') && x.length > 2 ? [x.slice(2)] : []));
  const ops = [...a.operands];
  if (scripts.length === 0) {
    if (ops.length === 0) return usageError(ctx, 'no script specified');
    scripts.push(ops.shift() as string);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), a.flags.has('E') || a.flags.has('r'));
  } catch (e) {
    ctx.io.stderr.write(`sed: ${errText(e)}\n`);
    return 1;
  }
  const run = (text: string): { out: string; quit: boolean } => {
    const ls = lines(text);
    let out = '';
    for (let k = 0; k < ls.length; k++) {
      let line = ls[k];
      const last = k === ls.length - 1;
      let deleted = false;
      let quit = false;
      for (const c of cmds) {
        if (!selected(c, line, k + 1, last)) continue;
        if (c.op === 's') {
          const r = substitute(line, c);
          line = r.text;
          if (r.changed && c.print) out += `${line}\n`;
        } else if (c.op === 'p') out += `${line}\n`;
        else if (c.op === '=') out += `${k + 1}\n`;
        else if (c.op === 'd') {
          deleted = true;
          break;
        } else if (c.op === 'q') {
          quit = true;
          break;
        }
      }
      if (!deleted && !a.flags.has('n')) out += `${line}\n`;
      if (quit) return { out, quit };
    }
    return { out, quit: false };
  };
  if (a.flags.has('i')) {
    let status = 0;
    for (const f of ops) {
      try {
        ctx.fs.writeFile(abs(ctx, f), run(decode(ctx.fs.readFile(abs(ctx, f)))).out);
      } catch (e) {
        ctx.io.stderr.write(`sed: can't read ${f}: ${errText(e)}\n`);
        status = 2;
      }
    }
    return status;
  }
  const { inputs, failed } = await readInputs(ctx, ops);
  const text = inputs.map((i) => decode(i.data)).join('');
  ctx.io.stdout.write(run(text).out);
  return failed ? 2 : 0;
};
