/** Helpers shared by the coreutils-like programs. */
import { type FileSystem, FsError, textDecoder, textEncoder } from '../../api/fs';
import type { ProgramContext } from '../interpreter/types';
import { dirName, resolvePath } from '../vfs/path';

/** busybox's applet (a container's busybox) or the GNU tool (the host, images that ship coreutils): see flavor.ts */
export function isBusybox(ctx: ProgramContext): boolean {
  return ctx.flavor !== undefined ? ctx.flavor === 'busybox' : ctx.container !== undefined;
}

export function prog(ctx: ProgramContext): string {
  const a = ctx.argv[0];
  return a.slice(a.lastIndexOf('/') + 1);
}

export function errText(e: unknown): string {
  return e instanceof FsError ? e.text : e instanceof Error ? e.message : String(e);
}

export function abs(ctx: ProgramContext, p: string): string {
  return resolvePath(ctx.cwd, p);
}

export function decode(b: Uint8Array): string {
  return textDecoder.decode(b);
}
export function encode(s: string): Uint8Array {
  return textEncoder.encode(s);
}

export interface ParsedArgs {
  flags: Set<string>;
  /** options that take a value: last value given */
  values: Map<string, string>;
  operands: string[];
}

/**
 * getopt-like parsing of short options: `withValue` lists letters that take an
 * argument (-n 5, -n5). Long options are given as `--name` in `long` (mapped to a letter or kept).
 * Returns an error text for an unknown option.
 */
export function parseArgs(args: string[], letters: string, withValue = '', long: Record<string, string> = {}): ParsedArgs | { error: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, val] = a.slice(2).split(/=(.*)/s, 2);
      const key = Object.hasOwn(long, name) ? long[name] : undefined;
      if (key === undefined) return { error: `unrecognized option '${a}'` };
      if (withValue.includes(key)) values.set(key, val ?? args[++i] ?? '');
      else flags.add(key);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (withValue.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { error: `option requires an argument -- '${c}'` };
        values.set(c, v);
        break;
      }
      if (!letters.includes(c)) return { error: `invalid option -- '${c}'` };
      flags.add(c);
    }
  }
  return { flags, values, operands };
}

/** print "prog: error" plus GNU's "Try 'prog --help'" line (busybox prints its usage instead) */
export function usageError(ctx: ProgramContext, error: string): number {
  const p = prog(ctx);
  ctx.io.stderr.write(`${p}: ${error}\n`);
  if (!isBusybox(ctx)) ctx.io.stderr.write(`Try '${p} --help' for more information.\n`);
  return isBusybox(ctx) ? 1 : p === 'ls' ? 2 : 1;
}

/** the "can't open" message of cat/head/… for a file */
export function openError(ctx: ProgramContext, file: string, e: unknown): void {
  const p = prog(ctx);
  if (isBusybox(ctx)) ctx.io.stderr.write(`${p}: can't open '${file}': ${errText(e)}\n`);
  else ctx.io.stderr.write(`${p}: ${file}: ${errText(e)}\n`);
}

/**
 * the contents of each operand (stdin for none or "-"); unreadable files are
 * reported and skipped. Returns the inputs and whether one failed.
 */
export async function readInputs(ctx: ProgramContext, files: string[]): Promise<{ inputs: { name: string; data: Uint8Array }[]; failed: boolean }> {
  const inputs: { name: string; data: Uint8Array }[] = [];
  let failed = false;
  for (const f of files.length === 0 ? ['-'] : files) {
    const data = await readInput(ctx, f);
    if (data === undefined) failed = true;
    else inputs.push({ name: f, data });
  }
  return { inputs, failed };
}

/** one operand's contents (stdin for "-"); an unreadable file is reported and undefined */
export async function readInput(ctx: ProgramContext, f: string): Promise<Uint8Array | undefined> {
  if (f === '-') return ctx.io.stdin.readAll();
  try {
    const p = abs(ctx, f);
    if (ctx.fs.stat(p).type === 'dir') throw new FsError('EISDIR', p);
    return ctx.fs.readFile(p);
  } catch (e) {
    if (e instanceof FsError && e.code === 'EISDIR' && isBusybox(ctx)) ctx.io.stderr.write(`${prog(ctx)}: read error: Is a directory\n`);
    else openError(ctx, f, e);
    return undefined;
  }
}

/** the file a path names once its links are followed (at most 40, as the kernel's limit); the path itself when it cannot tell */
export function linkTarget(fs: FileSystem, p: string): string {
  try {
    for (let i = 0; i < 40 && fs.lstat(p).type === 'symlink'; i++) p = resolvePath(dirName(p), fs.readlink(p));
  } catch {
    // a missing file: reading it reports it
  }
  return p;
}

/** text lines of some bytes, without the newline; a last line without newline is kept */
export function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}
