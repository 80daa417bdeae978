/**
 * Running source text in a shell: one command line (the host terminal, `sh -c`),
 * a script, or an interactive loop reading stdin line by line with prompts.
 */
import type { ProcessIO } from '../../api/io';
import type { List } from '../parser/ast';
import { ShellSyntaxError, parseScript } from '../parser/parser';
import { canEdit, createLineEditor } from './line-editor';
import { BrokenPipeError } from '../io/streams';
import type { Interpreter } from './exec';
import type { ShellState } from './state';
import { ExitSignal, InterruptSignal, LoopSignal, ReturnSignal } from './types';
import { addHistory } from './history';

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

export async function runParsed(sh: ShellState, interp: Interpreter, list: List, io: ProcessIO): Promise<number> {
  try {
    return await interp.runList(sh, list, io);
  } catch (e) {
    if (e instanceof ExitSignal) {
      sh.exited = true;
      return (sh.status = e.status);
    }
    if (e instanceof InterruptSignal) return (sh.status = 130);
    if (e instanceof ReturnSignal) return (sh.status = e.status);
    if (e instanceof LoopSignal) return sh.status;
    if (e instanceof BrokenPipeError) return (sh.status = 141);
    throw e;
  }
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

function isIncomplete(src: string): boolean {
  try {
    parseScript(src);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && /unexpected (end of file|EOF)/.test(e.message);
  }
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
  for (;;) {
    if (tty) {
      atPrompt = expandPrompt(sh.get('PS1') ?? defaultPs1(sh), sh);
      io.stderr.write(atPrompt);
    }
    let line = await readLine(atPrompt ?? '');
    atPrompt = undefined;
    // Ctrl-C: the line is dropped, $? is 130, a new prompt
    if (line === undefined) continue;
    if (line === null) {
      if (tty && sh.flavor === 'bash') io.stderr.write('exit\n');
      return sh.status;
    }
    while (isIncomplete(line)) {
      const ps2 = sh.get('PS2') ?? '> ';
      if (tty) io.stderr.write(ps2);
      const more = await readLine(ps2);
      if (more === undefined) {
        line = '';
        break;
      }
      if (more === null) break;
      line += `\n${more}`;
    }
    if (line.trim() !== '') addHistory(sh, line);
    const controller = new AbortController();
    setCurrent(controller);
    const onAbort = () => controller.abort();
    io.interrupt.addEventListener('abort', onAbort);
    try {
      await runSource(sh, interp, line, { ...io, interrupt: controller.signal });
    } finally {
      io.interrupt.removeEventListener('abort', onAbort);
    }
    if (sh.exited) {
      if (tty && sh.flavor === 'bash') io.stderr.write('exit\n');
      return sh.status;
    }
  }
}
