/** busybox id, uname, df, kill: what a process can learn about its user, kernel, filesystems; signals by PID */
import { textDecoder } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';
import { KERNEL_RELEASE, KERNEL_VERSION, MACHINE } from '../runtime/host-facts';
import { signalName, signalNames, signalNumber } from '../runtime/signals';
import { prog } from './util';

interface Account {
  name: string;
  uid: number;
  gid: number;
}

function readLines(ctx: ProgramContext, path: string): string[][] {
  try {
    return textDecoder
      .decode(ctx.fs.readFile(path))
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** the process's user ("root", "nginx", "1000", "1000:1000") looked up in /etc/passwd */
function account(ctx: ProgramContext, user: string): { uid: number; gid: number; name?: string } {
  const [u, g] = user.split(':');
  const passwd = readLines(ctx, '/etc/passwd').map((f): Account => ({ name: f[0], uid: Number(f[2]), gid: Number(f[3]) }));
  const found = /^\d+$/.test(u) ? passwd.find((a) => a.uid === Number(u)) : passwd.find((a) => a.name === u);
  const uid = found?.uid ?? (/^\d+$/.test(u) ? Number(u) : 0);
  let gid = found?.gid ?? 0;
  if (g !== undefined) gid = /^\d+$/.test(g) ? Number(g) : Number(readLines(ctx, '/etc/group').find((f) => f[0] === g)?.[2] ?? 0);
  return { uid, gid, name: found?.name };
}

export const id: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const user = args.find((a) => !a.startsWith('-')) ?? ctx.container?.user ?? 'root';
  const groups = readLines(ctx, '/etc/group');
  const a = account(ctx, user);
  if (args.some((x) => !x.startsWith('-')) && a.name === undefined) {
    ctx.io.stderr.write(`id: unknown user ${user}\n`);
    return 1;
  }
  const groupName = (gid: number) => groups.find((f) => Number(f[2]) === gid)?.[0];
  const label = (n: number, name: string | undefined) => (name ? `${n}(${name})` : String(n));
  if (args.includes('-u')) {
    ctx.io.stdout.write(`${args.includes('-n') ? (a.name ?? a.uid) : a.uid}\n`);
    return 0;
  }
  if (args.includes('-g')) {
    ctx.io.stdout.write(`${args.includes('-n') ? (groupName(a.gid) ?? a.gid) : a.gid}\n`);
    return 0;
  }
  const member = a.name ? groups.filter((f) => (f[3] ?? '').split(',').includes(a.name as string)).map((f) => Number(f[2])) : [];
  const all = [a.gid, ...member.filter((g) => g !== a.gid)];
  if (args.includes('-G')) {
    ctx.io.stdout.write(`${all.join(' ')}\n`);
    return 0;
  }
  ctx.io.stdout.write(`uid=${label(a.uid, a.name)} gid=${label(a.gid, groupName(a.gid))} groups=${all.map((g) => label(g, groupName(g))).join(',')}\n`);
  return 0;
};

export const uname: Program = async (ctx) => {
  const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith('-') ? [...a.slice(1)] : ['?'])));
  if (flags.has('?') || [...flags].some((f) => !'asnrvmpio'.includes(f))) {
    ctx.io.stderr.write('BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: uname [-amnrspvio]\n\nPrint system information\n');
    return 1;
  }
  const host = ctx.container?.hostname ?? ctx.env.HOSTNAME ?? 'localhost';
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', host],
    ['r', KERNEL_RELEASE],
    ['v', KERNEL_VERSION],
    ['m', MACHINE],
    ['p', 'unknown'],
    ['i', 'unknown'],
    ['o', 'GNU/Linux'],
  ];
  const all = flags.has('a');
  const shown = fields.filter(([f]) => (all ? f !== 'p' && f !== 'i' : flags.has(f)));
  ctx.io.stdout.write(`${(shown.length ? shown : [fields[0]]).map(([, v]) => v).join(' ')}\n`);
  return 0;
};

/** the mounts a container sees (sizes of the simulated host's 60 GB disk and 2 GB RAM) */
const MOUNTS: [string, number, number, string][] = [
  ['overlay', 61202244, 13476548, '/'],
  ['tmpfs', 65536, 0, '/dev'],
  ['shm', 65536, 0, '/dev/shm'],
  ['/dev/sda1', 61202244, 13476548, '/etc/resolv.conf'],
  ['/dev/sda1', 61202244, 13476548, '/etc/hostname'],
  ['/dev/sda1', 61202244, 13476548, '/etc/hosts'],
  ['tmpfs', 2013184, 0, '/proc/acpi'],
  ['tmpfs', 65536, 0, '/proc/kcore'],
  ['tmpfs', 65536, 0, '/proc/keys'],
  ['tmpfs', 65536, 0, '/proc/timer_list'],
  ['tmpfs', 2013184, 0, '/sys/firmware'],
];

function human(kib: number): string {
  if (kib === 0) return '0';
  const units = ['K', 'M', 'G', 'T'];
  let v = kib;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
}

export const df: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const h = args.includes('-h');
  const bad = args.find((a) => a.startsWith('-') && !/^-[hkPT]+$/.test(a));
  if (bad) {
    ctx.io.stderr.write(`df: invalid option -- '${bad.slice(1, 2)}'\nBusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: df [-PkmhT] [-t TYPE] [FILESYSTEM]...\n`);
    return 1;
  }
  const rows = MOUNTS.map(([fs, size, used, on]) => {
    const avail = size === 61202244 ? 44584276 : size - used;
    const pct = size ? `${Math.ceil((used * 100) / (used + avail))}%` : '0%';
    return h ? [fs, human(size), human(used), human(avail), pct, on] : [fs, String(size), String(used), String(avail), pct, on];
  });
  let out = h ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';
  for (const r of rows) {
    const name = r[0].length > 20 ? `${r[0]}\n${' '.repeat(20)}` : r[0].padEnd(20);
    out += h ? `${name}${r[1].padStart(10)}${r[2].padStart(10)}${r[3].padStart(10)}${r[4].padStart(5)} ${r[5]}\n` : `${name}${r[1].padStart(10)}${r[2].padStart(10)}${r[3].padStart(10)}${r[4].padStart(5)} ${r[5]}\n`;
  }
  ctx.io.stdout.write(out);
  return 0;
};

/** busybox kill [-SIG | -s SIG] PID…, kill -l */
export const kill: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const name = prog(ctx);
  if (args[0] === '-l') {
    ctx.io.stdout.write(signalNames().map((n, i) => `${i + 1}) ${n}`).join('\n') + '\n');
    return 0;
  }
  let sig = 'TERM';
  if (args[0] === '-s') {
    args.shift();
    sig = args.shift() ?? '';
  } else if (args[0]?.startsWith('-') && args[0] !== '--') sig = (args.shift() as string).slice(1);
  if (args[0] === '--') args.shift();
  const n = signalNumber(sig);
  if (n === undefined) {
    ctx.io.stderr.write(`${name}: bad signal name '${sig}'\n`);
    return 1;
  }
  if (args.length === 0) {
    ctx.io.stderr.write('BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: kill [-l] [-SIG] PID...\n');
    return 1;
  }
  let status = 0;
  for (const a of args) {
    if (!/^\d+$/.test(a)) {
      ctx.io.stderr.write(`${name}: invalid number '${a}'\n`);
      status = 1;
      continue;
    }
    if (!ctx.proc?.signal(Number(a), n === 0 ? 'SIG0' : signalName(n))) {
      ctx.io.stderr.write(`${name}: can't kill pid ${a}: No such process\n`);
      status = 1;
    }
  }
  return status;
};
