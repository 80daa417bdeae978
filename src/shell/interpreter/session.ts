/**
 * Running source text in a shell: one command line (the host terminal, `sh -c`),
 * a script, or an interactive loop reading stdin line by line with prompts.
 */
import { textDecoder } from '../../api/fs';
import type { OutputStream, ProcessIO } from '../../api/io';
import type { List } from '../parser/ast';
import { MultiLineInput } from '../parser/incomplete';
import { ShellSyntaxError, parseScript } from '../parser/parser';
import { canEdit, createLineEditor } from './line-editor';
import { BrokenPipeError } from '../io/streams';
import type { Interpreter } from './exec';
import type { ShellState } from './state';
import { reportEndedJobs } from './background';
import { processFailure } from './failures';
import { CrashSignal, DiscardSignal, ExitSignal, InterruptSignal, LoopSignal, ReturnSignal } from './types';

/** parse and run `src`; `exit` marks the shell as exited; Ctrl-C gives 130 */
export async function runSource(sh: ShellState, interp: Interpreter, src: string, io: ProcessIO): Promise<number> {
  let list: List;
  try {
    list = parseScript(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      io.stderr.write(`${sh.errPrefix(e.line)}${e.message}\n`);
      if (sh.nonInteractive && sh.flavor === 'bash') io.stderr.write(`${sh.errPrefix(e.line)}\`${src.split('\n')[e.line - 1] ?? ''}'\n`);
      return (sh.status = 2);
    }
    throw e;
  }
  return runParsed(sh, interp, list, io);
}

/** the complete commands of a list: what bash reads and runs at once (up to a newline) */
function completeCommands(list: List): List[] {
  const out: List[] = [];
  let cur: List = [];
  for (const ao of list) {
    cur.push(ao);
    if (ao.endsLine !== false && ao.endsLine !== undefined) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * run a parsed script in the shell, one complete command at a time: an error
 * that abandons a command (DiscardSignal) goes on with the next one; `exit`
 * marks the shell as exited. If the shell process itself fails (a crash, no
 * memory), CrashSignal goes to whoever started it; out of memory exits 2.
 */
export async function runParsed(sh: ShellState, interp: Interpreter, list: List, io: ProcessIO): Promise<number> {
  for (const group of completeCommands(list)) {
    if (sh.verbose) io.stderr.write(`${group.map((ao) => `${ao.text ?? ''}${ao.background ? ' &' : ''}`).join('; ')}\n`);
    try {
      await interp.runList(sh, group, io);
    } catch (e) {
      if (e instanceof DiscardSignal) {
        sh.status = e.status;
        continue;
      }
      if (e instanceof ExitSignal) {
        sh.exited = true;
        return (sh.status = e.status);
      }
      if (e instanceof InterruptSignal) return (sh.status = 130);
      if (e instanceof ReturnSignal) return (sh.status = e.status);
      if (e instanceof LoopSignal) return sh.status;
      if (e instanceof BrokenPipeError) return (sh.status = 141);
      const failure = processFailure(e);
      if (failure === 'crash') throw e instanceof CrashSignal ? e : new CrashSignal();
      if (failure === 'memory') {
        io.stderr.write(sh.flavor === 'bash' ? `${sh.name}: xmalloc: cannot allocate memory\n` : `${sh.name}: out of memory\n`);
        sh.exited = true;
        return (sh.status = 2);
      }
      throw e;
    }
  }
  return sh.status;
}

/** PS1 escapes: \u \h \H \w \W \$ \n \\ \[ \] */
export function expandPrompt(ps1: string, sh: ShellState): string {
  const user = sh.get('USER') ?? sh.container?.user ?? 'root';
  const host = sh.container?.hostname ?? sh.get('HOSTNAME') ?? 'localhost';
  const home = sh.get('HOME');
  const w = home && home !== '/' && (sh.cwd === home || sh.cwd.startsWith(`${home}/`)) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
  return ps1.replace(/\$\{debian_chroot:\+\(\$debian_chroot\)\}/g, '').replace(/\\([uhHwW$n\\[\]])/g, (_m, c: string) => {
    switch (c) {
      case 'u':
        return user;
      case 'h':
        return host.split('.')[0];
      case 'H':
        return host;
      case 'w':
        return w;
      case 'W':
        return sh.cwd === '/' ? '/' : w.slice(w.lastIndexOf('/') + 1);
      case '$':
        return user === 'root' || user === '0' ? '#' : '$';
      case 'n':
        return '\n';
      case '\\':
        return '\\';
      default:
        return '';
    }
  });
}

export function defaultPs1(sh: ShellState): string {
  if (sh.flavor === 'ash') return '\\w \\$ ';
  if (sh.flavor === 'dash') return '\\$ ';
  return '\\s-5.2\\$ '.replace('\\s', sh.name);
}

/**
 * The read-eval loop of an interactive shell (tty and no -c) or of a shell
 * reading commands from a non-tty stdin (`docker exec -i c bash`).
 * With `tty`, prompts are written to stderr (as bash and ash do) and `exit` prints "exit" (bash).
 */
export async function runInteractive(sh: ShellState, interp: Interpreter, io: ProcessIO, tty: boolean): Promise<number> {
  let current: AbortController | undefined;
  const unsub = sh.onSignal?.((s) => {
    if (s !== 'SIGINT') return false;
    current?.abort();
    return true;
  });
  try {
    return await replLoop(sh, interp, io, tty, (c) => {
      current = c;
    });
  } finally {
    unsub?.();
  }
}

/** a command's output on the terminal: did it end its line after Ctrl-C? */
class AfterInterrupt {
  private last = '';
  private since = false;
  readonly streams: Pick<ProcessIO, 'stdout' | 'stderr'>;

  constructor(
    io: ProcessIO,
    private readonly interrupt: AbortSignal,
  ) {
    const track = (s: OutputStream): OutputStream => ({
      get isTTY() {
        return s.isTTY;
      },
      get columns() {
        return s.columns;
      },
      write: (d) => {
        const text = typeof d === 'string' ? d : textDecoder.decode(d);
        if (text) {
          this.last = text[text.length - 1];
          this.since ||= this.interrupt.aborted;
        }
        s.write(d);
      },
    });
    this.streams = { stdout: track(io.stdout), stderr: track(io.stderr) };
  }

  needsNewline(): boolean {
    return this.interrupt.aborted && (!this.since || this.last !== '\n');
  }
}

/** what a shell writes to redraw its prompt after the terminal was resized (SIGWINCH) */
export function promptRedraw(sh: ShellState, prompt: string): string {
  if (sh.flavor === 'bash') return `\r\x1b[K\r${prompt}`;
  if (sh.flavor === 'ash') return `\r${prompt}\x1b[J`;
  return '';
}

async function replLoop(sh: ShellState, interp: Interpreter, io: ProcessIO, tty: boolean, setCurrent: (c: AbortController) => void): Promise<number> {
  let atPrompt: string | undefined;
  // bash (readline) and ash (lineedit) edit the line themselves; dash leaves it to the terminal
  const editor = tty && sh.flavor !== 'dash' && canEdit(io.stdin) ? createLineEditor(io.stdin, io.stderr, sh.history) : undefined;
  if (tty) {
    sh.onWinch = () => {
      if (atPrompt !== undefined) io.stderr.write(promptRedraw(sh, atPrompt) + (editor?.current ?? ''));
    };
  }
  /** a line, null at end of input, undefined when Ctrl-C dropped it */
  const readLine = async (prompt: string): Promise<string | null | undefined> => {
    if (!editor) return io.stdin.readLine();
    const r = await editor.read(prompt);
    if ('line' in r) return r.line;
    if ('eof' in r) return null;
    sh.status = 130;
    return undefined;
  };
  // a command's further lines (a trailing `\`, a here-document, an open quote, an unfinished `if`…) come after PS2
  const lines = new MultiLineInput();
  for (;;) {
    reportEndedJobs(sh, io);
    if (tty) {
      atPrompt = lines.pending ? (sh.get('PS2') ?? '> ') : expandPrompt(sh.get('PS1') ?? defaultPs1(sh), sh);
      io.stderr.write(atPrompt);
    }
    const line = await readLine(atPrompt ?? '');
    atPrompt = undefined;
    // Ctrl-C: the line (and a command waiting for more lines) is dropped, $? is 130, a new prompt
    if (line === undefined) {
      lines.reset();
      continue;
    }
    let cmd = line === null ? undefined : lines.add(line);
    if (line === null) {
      // end of input in the middle of a command: what there is runs (and reports what is missing)
      if (!lines.pending) {
        if (tty && sh.flavor === 'bash') io.stderr.write('exit\n');
        return sh.status;
      }
      const source = lines.reset();
      cmd = { source, history: source };
    }
    if (!cmd) continue;
    sh.remember(cmd.history);
    const controller = new AbortController();
    setCurrent(controller);
    const onAbort = () => controller.abort();
    io.interrupt.addEventListener('abort', onAbort);
    const out = tty ? new AfterInterrupt(io, controller.signal) : undefined;
    try {
      await runSource(sh, interp, cmd.source, { ...io, ...out?.streams, interrupt: controller.signal });
    } finally {
      io.interrupt.removeEventListener('abort', onAbort);
    }
    // Ctrl-C: the terminal shows ^C; unless the program ended its own line after it (ping's statistics), the shell starts a fresh one
    if (out?.needsNewline()) io.stderr.write('\n');
    if (sh.exited) {
      if (tty && sh.flavor === 'bash') io.stderr.write('exit\n');
      return sh.status;
    }
  }
}
