/** Redirections: > >> < 2> 2>&1 >&2 &> <<< and here-documents, onto a ProcessIO. */
import { type Content, FsError, readContent } from '../../api/fs';
import type { OutputStream, ProcessIO } from '../../api/io';
import { concatContent } from '../../lib/content';
import type { Redirect } from '../parser/ast';
import { BytesInput, nullOutput, toBytes } from '../io/streams';
import { resolvePath } from '../vfs/path';
import type { Expander } from './expand';
import type { ShellState } from './state';

export class RedirectError extends Error {}

/** buffered file output: bytes reach the file at the next microtask and at close; lazy contents stay lazy */
class FileOutput implements OutputStream {
  readonly isTTY = false;
  private pending: Content[] = [];
  private scheduled = false;
  constructor(
    private readonly sh: ShellState,
    private readonly path: string,
  ) {}
  write(data: string | Uint8Array): void {
    this.writeContent(toBytes(data).slice());
  }
  writeContent(data: Content): void {
    this.pending.push(data);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const data = concatContent(this.pending);
    this.pending = [];
    try {
      this.sh.fs.appendFile(this.path, data);
    } catch {
      // the file went away (rm while writing): the bytes are lost, as on Linux
    }
  }
}

function fsText(e: unknown): string {
  return e instanceof FsError ? e.text : String(e);
}

/**
 * a redirection's error in the shell's words: bash "f: Permission denied",
 * dash "cannot create f: Directory nonexistent", busybox ash "can't create f: nonexistent directory"
 */
function openFailure(sh: ShellState, name: string, e: unknown, create: boolean): RedirectError {
  if (sh.flavor === 'bash') return new RedirectError(`${name}: ${fsText(e)}`);
  const missing = e instanceof FsError && (e.code === 'ENOENT' || e.code === 'ENOTDIR');
  if (sh.flavor === 'dash') {
    return new RedirectError(create ? `cannot create ${name}: ${missing ? 'Directory nonexistent' : fsText(e)}` : `cannot open ${name}: ${missing ? 'No such file' : fsText(e)}`);
  }
  return new RedirectError(create ? `can't create ${name}: ${missing ? 'nonexistent directory' : fsText(e)}` : `can't open ${name}: ${missing ? 'no such file' : fsText(e)}`);
}

/** apply redirections in order; returns the new IO and a function that flushes files */
export async function applyRedirects(sh: ShellState, ex: Expander, redirects: Redirect[], io: ProcessIO): Promise<{ io: ProcessIO; close: () => void }> {
  const files: FileOutput[] = [];
  const fds: { 0: ProcessIO['stdin']; 1: OutputStream; 2: OutputStream } = { 0: io.stdin, 1: io.stdout, 2: io.stderr };
  const close = () => {
    for (const f of files) f.flush();
  };
  const openOut = (name: string, append: boolean, clobber = false): OutputStream => {
    if (name === '/dev/null') return nullOutput;
    if (name === '/dev/stdout') return io.stdout;
    if (name === '/dev/stderr') return io.stderr;
    const path = resolvePath(sh.cwd, name);
    if (name === '') throw new RedirectError(`: No such file or directory`);
    // set -C: `>` does not truncate an existing regular file (`>|` does)
    if (sh.noclobber && !append && !clobber && sh.fs.exists(path) && sh.fs.stat(path).type === 'file') {
      if (sh.flavor === 'bash') throw new RedirectError(`${name}: cannot overwrite existing file`);
      throw new RedirectError(`${sh.flavor === 'ash' ? "can't" : 'cannot'} create ${name}: File exists`);
    }
    try {
      if (sh.fs.exists(path) && sh.fs.stat(path).type === 'dir') throw new FsError('EISDIR', path);
      if (!append || !sh.fs.exists(path)) sh.fs.writeFile(path, new Uint8Array(0));
      else sh.fs.appendFile(path, new Uint8Array(0));
    } catch (e) {
      throw openFailure(sh, name, e, true);
    }
    const f = new FileOutput(sh, path);
    files.push(f);
    return f;
  };
  try {
    for (const r of redirects) {
      const fd = r.fd;
      if (fd > 2) throw new RedirectError(`${fd}: Bad file descriptor`);
      switch (r.op) {
        case '>':
        case '>|':
        case '>>': {
          const out = openOut(await ex.single(r.target), r.op === '>>', r.op === '>|');
          if (fd === 0) throw new RedirectError('0: Bad file descriptor');
          fds[fd as 1 | 2] = out;
          break;
        }
        case '&>':
        case '&>>': {
          const out = openOut(await ex.single(r.target), r.op === '&>>');
          fds[1] = fds[2] = out;
          break;
        }
        case '>&':
        case '<&': {
          const t = await ex.single(r.target);
          if (t === '-') break;
          if (t === '1' || t === '2') {
            if (fd === 0) throw new RedirectError(`${t}: Bad file descriptor`);
            fds[fd as 1 | 2] = fds[Number(t) as 1 | 2];
          } else if (t === '0') {
            if (fd !== 0) throw new RedirectError('0: Bad file descriptor');
          } else if (/^\d+$/.test(t)) throw new RedirectError(`${t}: Bad file descriptor`);
          else {
            const out = openOut(t, false);
            fds[1] = fds[2] = out;
          }
          break;
        }
        case '<':
        case '<>': {
          const name = await ex.single(r.target);
          if (name === '/dev/null') {
            fds[0] = new BytesInput('');
            break;
          }
          try {
            fds[0] = new BytesInput(readContent(sh.fs, resolvePath(sh.cwd, name)));
          } catch (e) {
            throw openFailure(sh, name, e, false);
          }
          break;
        }
        case '<<<':
          fds[0] = new BytesInput(`${await ex.single(r.target)}\n`);
          break;
        case '<<':
        case '<<-':
          fds[0] = new BytesInput(r.heredoc ? await ex.single(r.heredoc) : '');
          break;
      }
    }
  } catch (e) {
    close();
    throw e;
  }
  return { io: { stdin: fds[0], stdout: fds[1], stderr: fds[2], interrupt: io.interrupt, killed: io.killed }, close };
}
