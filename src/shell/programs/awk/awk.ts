/**
 * awk [-F FS] [-v VAR=VALUE]… ['PROGRAM' | -f FILE] [FILE | VAR=VALUE]…
 * The host's awk is Debian's mawk, a container's busybox awk: the language is
 * the same, the error texts differ.
 */
import { FsError } from '../../../api/fs';
import type { Program, ProgramContext } from '../../interpreter/types';
import { abs, decode, errText, isBusybox } from '../util';
import { AwkSyntaxError, awkUnescape, parseAwk } from './parse';
import { type AwkHost, AwkRun, AwkRuntimeError } from './run';

function usage(ctx: ProgramContext): number {
  if (isBusybox(ctx)) ctx.io.stderr.write('Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n\n\t-v VAR=VAL\tSet variable\n\t-F SEP\t\tUse SEP as field separator\n\t-f FILE\t\tRead program from FILE\n\t-e AWK_PROGRAM\n');
  else ctx.io.stderr.write('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n');
  return isBusybox(ctx) ? 1 : 2;
}

/** splits `text` into records by RS ("\n", "" = paragraphs, one character, or a regex) */
function* records(text: string, rs: string): Generator<string> {
  if (text === '') return;
  if (rs === '\n') {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    yield* lines;
    return;
  }
  if (rs === '') {
    for (const p of text.replace(/^\n+/, '').split(/\n\n+/)) if (p !== '') yield p.replace(/\n+$/, '');
    return;
  }
  const parts = rs.length === 1 ? text.split(rs) : text.split(new RegExp(rs));
  if (parts[parts.length - 1] === '' || parts[parts.length - 1] === '\n') parts.pop();
  yield* parts;
}

export const awk: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  const me = 'awk';
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let source: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-' || !a.startsWith('-')) break;
    const opt = a.slice(1, 2);
    const rest = a.length > 2 ? a.slice(2) : undefined;
    const value = () => rest ?? args[++i];
    if (opt === 'F') fs = value();
    else if (opt === 'v') {
      const v = value() ?? '';
      const eq = v.indexOf('=');
      if (eq <= 0) {
        ctx.io.stderr.write(bb ? `${me}: cmd. line:1: Invalid -v argument\n` : `${me}: improper assignment: -v ${v}\n`);
        return 2;
      }
      assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (opt === 'f') {
      const file = value() ?? '';
      try {
        source = (source ?? '') + decode(ctx.fs.readFile(abs(ctx, file)));
      } catch (e) {
        ctx.io.stderr.write(bb ? `${me}: can't open '${file}': ${errText(e)}\n` : `${me}: couldn't open file ${file}.\n`);
        return 2;
      }
    } else if (opt === 'e') source = (source ?? '') + (value() ?? '');
    else if (a === '--version' || a === '-W') {
      ctx.io.stdout.write(bb ? '' : 'mawk 1.3.4 20200120\n');
      return 0;
    } else {
      ctx.io.stderr.write(bb ? `${me}: invalid option -- '${opt}'\n` : `${me}: not an option: ${a}\n`);
      return usage(ctx);
    }
  }
  if (source === undefined) {
    if (i >= args.length) return usage(ctx);
    source = args[i++];
  }
  const operands = args.slice(i);
  let prog: ReturnType<typeof parseAwk>;
  try {
    prog = parseAwk(source);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    if (bb) ctx.io.stderr.write(`${me}: cmd. line:${e.line}: ${e.message === 'syntax error' ? 'Unexpected token' : e.message}\n`);
    else ctx.io.stderr.write(`${me}: line ${e.line}: ${e.message}${e.message === 'syntax error' ? ` at or near ${e.near}` : ''}\n`);
    return bb ? 1 : 2;
  }
  // mawk refuses a call to a function the program never defines once it has read the whole
  // program, on the line after its last; busybox runs until the call (run.ts)
  const undefinedCall = bb ? undefined : prog.calls.find((name) => !prog.functions.has(name));
  if (undefinedCall !== undefined) {
    ctx.io.stderr.write(`${me}: line ${source.split('\n').length + 1}: function ${undefinedCall} never defined\n`);
    return 2;
  }

  let out = '';
  const files = new Map<string, { mode: string; data: string }>();
  const reads = new Map<string, { recs: Generator<string> }>();
  const flush = () => {
    if (out) ctx.io.stdout.write(out);
    out = '';
  };
  let current: Generator<string> | undefined;
  let opIndex = 0;
  let run!: AwkRun;
  let failed = false;
  const host: AwkHost = {
    out(text) {
      out += text;
      if (out.length > 65536) flush();
    },
    redirect(mode, target, text) {
      if (mode === '|') {
        throw new AwkRuntimeError(`output to a command (print | "${target}") is not available in the Dockyard simulator`);
      }
      if (target === '/dev/stdout' || target === '-') {
        host.out(text);
        return;
      }
      if (target === '/dev/stderr') {
        flush();
        ctx.io.stderr.write(text);
        return;
      }
      let f = files.get(target);
      if (!f) {
        f = { mode, data: '' };
        files.set(target, f);
        const p = abs(ctx, target);
        if (mode === '>') ctx.fs.writeFile(p, '');
        else if (!ctx.fs.exists(p)) ctx.fs.writeFile(p, '');
      }
      ctx.fs.appendFile(abs(ctx, target), text);
    },
    close(target) {
      const had = files.delete(target) || reads.delete(target);
      return had ? 0 : -1;
    },
    async readRecord(rs) {
      for (;;) {
        if (current) {
          const r = current.next();
          if (!r.done) return r.value;
          current = undefined;
        }
        // the next operand: a file, "-", or an assignment done when it is reached
        let name: string | undefined;
        while (opIndex < operands.length) {
          const op = operands[opIndex++];
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(op);
          if (m) {
            run.setVar(m[1], awkUnescape(m[2]));
            continue;
          }
          name = op;
          break;
        }
        if (name === undefined) {
          if (opIndex === operands.length && !operands.some((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o))) {
            opIndex = operands.length + 1;
            name = '-';
          } else return null;
        }
        let text: string;
        if (name === '-' || name === '/dev/stdin') text = decode(await ctx.io.stdin.readAll());
        else {
          try {
            const p = abs(ctx, name);
            if (ctx.fs.stat(p).type === 'dir') throw new FsError('EISDIR', p);
            text = decode(ctx.fs.readFile(p));
          } catch (e) {
            flush();
            if (bb) ctx.io.stderr.write(`${me}: ${name}: ${errText(e)}\n`);
            else ctx.io.stderr.write(`${me}: cannot open ${name} (${errText(e)})\n`);
            failed = true;
            if (!bb) throw new AwkRuntimeError('');
            continue;
          }
        }
        run.startFile(name === '-' ? '' : name);
        current = records(text, rs);
      }
    },
    readFrom(file, rs) {
      let r = reads.get(file);
      if (!r) {
        let text: string;
        try {
          text = file === '-' || file === '/dev/stdin' ? '' : decode(ctx.fs.readFile(abs(ctx, file)));
        } catch {
          return null;
        }
        r = { recs: records(text, rs) };
        reads.set(file, r);
      }
      const n = r.recs.next();
      return n.done ? null : n.value;
    },
    async system(cmd) {
      flush();
      return ctx.exec(['sh', '-c', cmd], ctx.io);
    },
    flush,
    env: ctx.env,
  };
  run = new AwkRun(prog, host, ['awk', ...operands]);
  if (fs !== undefined) run.setVar('FS', fs === 't' ? '\t' : awkUnescape(fs));
  for (const [k, v] of assigns) run.setVar(k, awkUnescape(v));
  let status: number;
  try {
    status = await run.run();
  } catch (e) {
    flush();
    if (!(e instanceof AwkRuntimeError)) throw e;
    if (e.message) ctx.io.stderr.write(bb ? `${me}: cmd. line:1: ${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}\n` : `${me}: run time error: ${e.message}\n`);
    return bb ? 1 : 2;
  }
  flush();
  return failed && status === 0 ? (bb ? 1 : 2) : status;
};
