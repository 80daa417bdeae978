/**
 * What the host's procps `ps` prints for a container's processes, given the
 * ps_args of `docker top` (default "-ef"), and moby's parsing of that output
 * (split on blanks, the overhanging fields joined into the last column).
 * Supported: UNIX -e -A -f -o -p -q -a -d -N -x, BSD a u x e o and their
 * combinations (aux, -ef, -o pid,comm). Errors carry procps' first stderr line.
 */
import type { ContainerTopOKBody } from '../../api/archive';

export interface PsProcess {
  pid: number;
  ppid: number;
  user: string;
  argv: string[];
  /** ms since the epoch */
  started: number;
  tty: boolean;
  /** is it the session leader (PID 1 of the container, exec'd processes) */
  leader: boolean;
  /** resident set in KiB (plausible, deterministic) */
  rssKiB: number;
  vszKiB: number;
}

export class PsError extends Error {}

const HEADERS: Record<string, string> = {
  pid: 'PID',
  ppid: 'PPID',
  user: 'USER',
  euser: 'EUSER',
  uid: 'UID',
  uname: 'USER',
  ruser: 'RUSER',
  group: 'GROUP',
  gid: 'GID',
  comm: 'COMMAND',
  ucomm: 'COMMAND',
  args: 'COMMAND',
  command: 'COMMAND',
  cmd: 'CMD',
  etime: 'ELAPSED',
  etimes: 'ELAPSED',
  time: 'TIME',
  cputime: 'TIME',
  tty: 'TT',
  tt: 'TT',
  tname: 'TTY',
  stat: 'STAT',
  s: 'S',
  state: 'S',
  pcpu: '%CPU',
  '%cpu': '%CPU',
  pmem: '%MEM',
  '%mem': '%MEM',
  vsz: 'VSZ',
  vsize: 'VSZ',
  rss: 'RSS',
  rssize: 'RSS',
  c: 'C',
  stime: 'STIME',
  start: 'STARTED',
  start_time: 'START',
  lstart: 'STARTED',
  nice: 'NI',
  ni: 'NI',
  pgid: 'PGID',
  sid: 'SID',
  sess: 'SESS',
  nlwp: 'NLWP',
  thcount: 'THCNT',
  wchan: 'WCHAN',
  f: 'F',
  pri: 'PRI',
  sz: 'SZ',
  psr: 'PSR',
};

const FORMATS = {
  default: ['pid', 'tname', 'time', 'ucmd'],
  full: ['user.uid', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'],
  bsdU: ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname.tt', 'stat', 'start', 'bsdtime', 'args'],
  bsdX: ['pid', 'tname', 'stat', 'bsdtime', 'args'],
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function startColumn(ms: number, now: number): string {
  const a = new Date(ms);
  const b = new Date(now);
  const sameDay = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() === b.getUTCDate();
  if (sameDay) return hhmm(ms);
  return `${MONTHS[a.getUTCMonth()]}${pad2(a.getUTCDate())}`;
}

function elapsed(sec: number): string {
  const d = Math.floor(sec / 86400);
  const h = Math.floor((sec % 86400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const base = `${pad2(m)}:${pad2(s)}`;
  if (d > 0) return `${d}-${pad2(h)}:${base}`;
  if (h > 0) return `${pad2(h)}:${base}`;
  return base;
}

function comm(p: PsProcess): string {
  const a0 = p.argv[0] ?? '';
  return a0.slice(a0.lastIndexOf('/') + 1).slice(0, 15);
}

function stat(p: PsProcess): string {
  return `S${p.leader ? 's' : ''}${p.tty ? '+' : ''}`;
}

function value(key: string, p: PsProcess, now: number): string {
  const base = key.split('.')[0];
  switch (base) {
    case 'pid':
      return String(p.pid);
    case 'ppid':
      return String(p.ppid);
    case 'user':
    case 'euser':
    case 'ruser':
    case 'uname':
      return p.user;
    case 'uid':
      return p.user === 'root' ? '0' : p.user;
    case 'group':
      return p.user === 'root' ? 'root' : p.user;
    case 'gid':
      return p.user === 'root' ? '0' : p.user;
    case 'comm':
    case 'ucomm':
    case 'ucmd':
      return comm(p);
    case 'args':
    case 'command':
    case 'cmd':
      return p.argv.join(' ') || `[${comm(p)}]`;
    case 'etime':
      return elapsed(Math.max(0, Math.floor((now - p.started) / 1000)));
    case 'etimes':
      return String(Math.max(0, Math.floor((now - p.started) / 1000)));
    case 'time':
    case 'cputime':
      return '00:00:00';
    case 'bsdtime':
      return '0:00';
    case 'tty':
    case 'tt':
    case 'tname':
      return p.tty ? 'pts/0' : '?';
    case 'stat':
      return stat(p);
    case 's':
    case 'state':
      return 'S';
    case 'pcpu':
    case '%cpu':
      return '0.0';
    case 'pmem':
    case '%mem':
      return '0.0';
    case 'vsz':
    case 'vsize':
      return String(p.vszKiB);
    case 'rss':
    case 'rssize':
      return String(p.rssKiB);
    case 'sz':
      return String(Math.ceil(p.vszKiB / 4));
    case 'c':
    case 'psr':
    case 'nice':
    case 'ni':
    case 'f':
      return '0';
    case 'pri':
      return '19';
    case 'stime':
    case 'start_time':
      return startColumn(p.started, now);
    case 'start':
      return hhmm(p.started);
    case 'lstart':
      return new Date(p.started).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, '$1 $3 $2 $5 $4');
    case 'pgid':
    case 'sid':
    case 'sess':
      return String(p.pid);
    case 'nlwp':
    case 'thcount':
      return '1';
    case 'wchan':
      return '-';
    default:
      return '-';
  }
}

function header(key: string): string {
  const [base, alias] = key.split('.');
  if (key === 'ucmd') return 'CMD';
  if (key === 'bsdtime') return 'TIME';
  if (key === 'tname' && !alias) return 'TTY';
  if (alias) return alias === 'uid' ? 'UID' : alias.toUpperCase();
  return HEADERS[base] ?? base.toUpperCase();
}

function parseFormat(list: string): string[] {
  const keys: string[] = [];
  for (const raw of list.split(/[,\s]+/)) {
    if (!raw) continue;
    const [name, title] = raw.split('=', 2);
    const key = name.toLowerCase();
    if (!(key in HEADERS)) throw new PsError(`error: unknown user-defined format specifier "${name}"`);
    keys.push(title !== undefined ? `${key}.${title}` : key);
  }
  return keys;
}

/** ps for the given processes: the header line and one line per process */
export function runPs(psArgs: string, procs: PsProcess[], now: number): string {
  const words = psArgs.split(' ').filter((w) => w !== '');
  let custom: string[] | undefined;
  let full = false;
  let bsdU = false;
  let bsdX = false;
  let pidFilter: number[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('--')) throw new PsError('error: unknown gnu long option');
    const unix = w.startsWith('-');
    const letters = unix ? w.slice(1) : w;
    for (let j = 0; j < letters.length; j++) {
      const ch = letters[j];
      const rest = letters.slice(j + 1);
      if (ch === 'o' || (unix && ch === 'p') || (unix && ch === 'q')) {
        const arg = rest || words[++i];
        if (arg === undefined) throw new PsError(unix ? 'error: list of process IDs must follow -p' : 'error: format specification must follow o');
        if (ch === 'o') custom = [...(custom ?? []), ...parseFormat(arg)];
        else pidFilter = [...(pidFilter ?? []), ...arg.split(',').map((s) => Number(s))];
        break;
      }
      if (unix) {
        if (ch === 'f') full = true;
        else if (!'eAadNxjlHwLMcyT'.includes(ch)) throw new PsError('error: unsupported SysV option');
      } else if (ch === 'u') bsdU = true;
      else if (ch === 'x' || ch === 'a' || ch === 'e' || ch === 'w' || ch === 'f' || ch === 'c' || ch === 'h') bsdX = bsdX || ch === 'x';
      else throw new PsError('error: unsupported option (BSD syntax)');
    }
  }
  const keys = custom ?? (bsdU ? FORMATS.bsdU : full ? FORMATS.full : bsdX ? FORMATS.bsdX : FORMATS.default);
  const shown = pidFilter ? procs.filter((p) => pidFilter!.includes(p.pid)) : procs;
  const lines = [keys.map(header).join(' ')];
  for (const p of shown) lines.push(keys.map((k) => value(k, p, now)).join(' '));
  return `${lines.join('\n')}\n`;
}

function fields(line: string): string[] {
  return line.split(/[ \t\n\v\f\r]+/).filter((f) => f !== '');
}

/** moby parsePSOutput: keep the container's processes, join overhanging fields into the last column */
export function parsePsOutput(output: string, pids: readonly number[]): ContainerTopOKBody {
  const lines = output.split('\n');
  const titles = fields(lines[0] ?? '');
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) throw new PsError("Couldn't find PID field in ps output");
  const processes: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line.length === 0) continue;
    const f = fields(line);
    const pid = f[pidIndex] === '-' ? 0 : Number(f[pidIndex]);
    if (!Number.isInteger(pid)) throw new PsError(`Unexpected pid '${f[pidIndex]}': strconv.Atoi: parsing "${f[pidIndex]}": invalid syntax`);
    if (!pids.includes(pid)) continue;
    processes.push([...f.slice(0, titles.length - 1), f.slice(titles.length - 1).join(' ')]);
  }
  return { Titles: titles, Processes: processes };
}
