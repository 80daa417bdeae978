/**
 * Where `docker export` / `docker save` write: a host file (-o, relative to
 * the working directory) or stdout, which must not be a terminal.
 */
import type { FileSystem } from '../../../api/fs';
import { CliError, type CommandContext } from '../../framework/command';

/** an absolute host path for `p` typed in `cwd` (trailing "/" or "/." kept) */
export function hostPath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`;
  const parts: string[] = [];
  for (const c of abs.split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  let out = `/${parts.join('/')}`;
  if (out !== '/' && (p.endsWith('/.') || p === '.')) out += '/.';
  else if (out !== '/' && p.endsWith('/')) out += '/';
  return out;
}

function dirExists(fs: FileSystem, dir: string): boolean {
  try {
    return fs.stat(dir).type === 'dir';
  } catch {
    return false;
  }
}

/** command.ValidateOutputPath: the directory of `path` must exist */
export function validateOutputPath(ctx: Pick<CommandContext, 'hostFs' | 'cwd'>, path: string): string | undefined {
  const abs = hostPath(ctx.cwd, path).replace(/\/\.?$/, '') || '/';
  const dir = abs.slice(0, abs.lastIndexOf('/')) || '/';
  if (!dirExists(ctx.hostFs, dir)) return `invalid output path: directory "${dir}" does not exist`;
  // os.Stat(path): a trailing "/" on something that is not a directory fails with ENOTDIR
  const full = hostPath(ctx.cwd, path);
  if (full !== abs) {
    try {
      if (ctx.hostFs.stat(abs).type !== 'dir') return `stat ${full}: not a directory`;
    } catch {
      // missing: nothing to check
    }
  }
  return undefined;
}

/** write an archive to -o FILE or stdout; `what` words the -o error ("failed to export container") */
export function writeArchive(ctx: CommandContext, output: string, data: Uint8Array, what: string): void {
  if (output === '') {
    ctx.io.stdout.write(data);
    return;
  }
  try {
    ctx.hostFs.writeFile(hostPath(ctx.cwd, output), data);
  } catch (err) {
    throw new CliError(`${what}: open ${output}: ${err instanceof Error && 'text' in err ? String(err.text).toLowerCase() : String(err)}`);
  }
}

export function refuseTerminal(ctx: CommandContext, output: string): void {
  if (output === '' && ctx.io.stdout.isTTY) {
    throw new CliError('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  }
}

/**
 * The whole of `docker export` / `docker save`: refuse a terminal, check the
 * -o directory, fetch the archive, write it. `what` words the errors
 * ("failed to export container").
 */
export async function saveArchive(
  ctx: CommandContext,
  output: string,
  what: string,
  fetch: () => Promise<Uint8Array>,
): Promise<void> {
  refuseTerminal(ctx, output);
  if (output) {
    const bad = validateOutputPath(ctx, output);
    if (bad) throw new CliError(`${what}: ${bad}`);
  }
  let tar: Uint8Array;
  try {
    tar = await fetch();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  writeArchive(ctx, output, tar, what);
}
