/** What the package managers share: the distribution, installing and removing a package's files, sizes in apt's words. */
import { textDecoder } from '../../../api/fs';
import type { FileSystem } from '../../../api/fs';
import type { ProgramContext } from '../../interpreter/types';
import type { PackageDef } from '../../runtime/packages/types';
import { dirName } from '../../vfs/path';

export interface OsRelease {
  id: string;
  codename: string;
  versionId: string;
}

export function osRelease(fs: FileSystem): OsRelease {
  let text = '';
  try {
    text = textDecoder.decode(fs.readFile('/etc/os-release'));
  } catch {
    // no os-release: an unknown distribution
  }
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  let codename = field('VERSION_CODENAME');
  if (!codename) codename = /\(([A-Za-z]+)/.exec(field('VERSION'))?.[1]?.toLowerCase() ?? '';
  return { id: field('ID'), codename, versionId: field('VERSION_ID') };
}

export function isRoot(ctx: ProgramContext): boolean {
  const u = ctx.container?.user ?? 'root';
  return u === '' || u === 'root' || u === '0' || u.startsWith('0:') || u.startsWith('root:');
}

function isRegularFile(fs: FileSystem, path: string): boolean {
  try {
    return fs.lstat(path).type === 'file';
  } catch {
    return false;
  }
}

/** a package counts as installed when its first program or library is on disk as a regular file */
export function isInstalled(fs: FileSystem, p: PackageDef): boolean {
  const first = p.files.find((f) => f.size !== undefined && !f.path.startsWith('/usr/share/doc/'));
  return first !== undefined && isRegularFile(fs, first.path);
}

/** put a package's files into the filesystem (replacing busybox links of the same name) */
export function installFiles(fs: FileSystem, p: PackageDef): void {
  for (const f of p.files) {
    const parent = dirName(f.path);
    if (!fs.exists(parent)) fs.mkdir(parent, { recursive: true });
    try {
      const st = fs.lstat(f.path);
      if (st.type !== 'dir') fs.unlink(f.path);
    } catch {
      // not there yet
    }
    if (f.link !== undefined) fs.symlink(f.link, f.path);
    else fs.writeFile(f.path, new Uint8Array(f.size ?? 0), f.mode ?? (/\/s?bin\//.test(f.path) ? 0o755 : 0o644));
  }
}

export function removeFiles(fs: FileSystem, p: PackageDef): void {
  for (const f of p.files) {
    try {
      fs.unlink(f.path);
    } catch {
      // already gone
    }
  }
}

/** apt's SizeToStr: "387 B", "1,183 kB", "27.4 MB" (powers of 1000) */
export function aptSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  for (let i = 0; i < units.length; i++) {
    if (v < 100 && i > 0) return `${v.toFixed(1)} ${units[i]}`;
    if (v < 10000) return `${Math.round(v).toLocaleString('en-US')} ${units[i]}`;
    v /= 1000;
  }
  return `${Math.round(v)} PB`;
}

/** wait for a download of `bytes` at the simulated link speed (at least one second) */
export async function downloadTime(ctx: ProgramContext, bytes: number): Promise<number> {
  const seconds = Math.max(1, Math.ceil(bytes / 8_000_000));
  await ctx.clock.sleep(seconds * 1000, ctx.io.interrupt);
  return seconds;
}

/** lines of names wrapped at 80 columns with two spaces of indent (apt's package lists) */
export function wrapNames(names: string[]): string {
  const lines: string[] = [];
  let cur = '';
  for (const n of names) {
    if (cur && cur.length + 1 + n.length > 78) {
      lines.push(`  ${cur}`);
      cur = n;
    } else cur = cur ? `${cur} ${n}` : n;
  }
  if (cur) lines.push(`  ${cur}`);
  return `${lines.join('\n')}\n`;
}

/** read one answer from stdin; undefined at end of input */
export async function ask(ctx: ProgramContext, question: string): Promise<string | undefined> {
  ctx.io.stdout.write(question);
  const line = await ctx.io.stdin.readLine();
  if (line === null) return undefined;
  return line.trim();
}
