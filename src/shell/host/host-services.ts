/**
 * What the host's system programs (systemctl, service, journalctl) work on:
 * the service manager, and the little they show of the engine (how many
 * containers the daemon looks after, for the Tasks/Memory of its status).
 * The composition root makes it and injects the programs.
 */
import type { Credentials, FileSystem } from '../../api/fs';
import { textDecoder } from '../../api/fs';
import type { ProgramContext } from '../interpreter/types';
import { AccessFs } from '../vfs/access-fs';
import type { ServiceManager } from './systemd/manager';
import { type UnitName, UNITS } from './systemd/units';

export interface HostServices {
  manager: ServiceManager;
  /** containers the engine has */
  containers(): number;
  /** the running containers' IDs and their shims' PIDs */
  shims(): { pid: number; id: string }[];
}

/** the credentials of the process (root when its filesystem does no checks) */
export function credentialsOf(ctx: ProgramContext): Credentials {
  return AccessFs.credentialsOf(ctx.fs) ?? { uid: 0, gid: 0, groups: [0] };
}

export function isRoot(ctx: ProgramContext): boolean {
  return credentialsOf(ctx).uid === 0;
}

/** may the process read the whole journal (root, or a member of adm or systemd-journal) */
export function readsJournal(ctx: ProgramContext, fs: FileSystem = ctx.fs): boolean {
  const c = credentialsOf(ctx);
  if (c.uid === 0) return true;
  let text = '';
  try {
    text = textDecoder.decode(fs.readFile('/etc/group'));
  } catch {
    return false;
  }
  for (const line of text.split('\n')) {
    const [name, , gid] = line.split(':');
    if ((name === 'adm' || name === 'systemd-journal') && c.groups.includes(Number(gid))) return true;
  }
  return false;
}

/** "docker" → "docker.service"; known units only (undefined otherwise) */
export function unitName(arg: string): { name: string; unit?: UnitName } {
  const name = /\.(service|socket|target|timer|mount|path|slice|scope|device|swap|automount)$/.test(arg) ? arg : `${arg}.service`;
  return { name, unit: Object.hasOwn(UNITS, name) ? (name as UnitName) : undefined };
}

/** colours on this terminal (a TTY whose TERM knows them) */
export function colorOn(ctx: ProgramContext, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const tty = stream === 'stdout' ? ctx.io.stdout.isTTY : ctx.io.stderr.isTTY;
  const term = ctx.env.TERM ?? '';
  return !!tty && term !== '' && term !== 'dumb' && ctx.env.NO_COLOR === undefined && ctx.env.SYSTEMD_COLORS !== '0';
}

/** the terminal's width (the terminal's, COLUMNS, else 80) */
export function columnsOf(ctx: ProgramContext): number {
  if (ctx.io.stdout.isTTY && ctx.io.stdout.columns) return ctx.io.stdout.columns;
  const n = Number(ctx.env.COLUMNS);
  return Number.isFinite(n) && n > 0 ? n : 80;
}
