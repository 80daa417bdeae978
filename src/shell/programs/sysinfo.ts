/** id, uname, df, kill (GNU and busybox): what a process can learn about its user, kernel, filesystems; signals by PID */
import type { Program } from '../interpreter/types';
import { KERNEL_RELEASE, KERNEL_VERSION, MACHINE } from '../runtime/host-facts';
import { signalName, signalNames, signalNumber } from '../runtime/signals';
import { credentials, groupEntries, nameTables, passwdEntries } from './accounts';
import { isBusybox, prog } from './util';

/** id [-u|-g|-G] [-n] [USER]: the process's own credentials, or USER's from /etc/passwd */
export const id: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]));
  const names = args.filter((a) => !a.startsWith('-'));
  const bad = [...flags].find((f) => !'ugGnr'.includes(f));
  if (bad) {
    ctx.io.stderr.write(bb ? `id: invalid option -- '${bad}'\n` : `id: invalid option -- '${bad}'\nTry 'id --help' for more information.\n`);
    return 1;
  }
  const t = nameTables(ctx);
  let uid: number;
  let gid: number;
  let groups: number[];
  if (names.length > 0) {
    const who = names[0];
    const entry = passwdEntries(ctx).find((e) => e.name === who || (/^\d+$/.test(who) && e.uid === Number(who)));
    if (!entry) {
      ctx.io.stderr.write(bb ? `id: unknown user ${who}\n` : `id: ‘${who}’: no such user\n`);
      return 1;
    }
    uid = entry.uid;
    gid = entry.gid;
    groups = [gid, ...groupEntries(ctx).filter((g) => g.members.includes(entry.name) && g.gid !== gid).map((g) => g.gid)];
  } else {
    const c = credentials(ctx);
    uid = c.uid;
    gid = c.gid;
    groups = c.groups.length ? c.groups : [gid];
  }
  const label = (n: number, name: string | undefined) => (name !== undefined ? `${n}(${name})` : String(n));
  const named = flags.has('n');
  const show = (n: number, name: string | undefined) => (named ? (name ?? String(n)) : String(n));
  if (flags.has('u')) ctx.io.stdout.write(`${show(uid, t.user(uid))}\n`);
  else if (flags.has('g')) ctx.io.stdout.write(`${show(gid, t.group(gid))}\n`);
  else if (flags.has('G')) ctx.io.stdout.write(`${groups.map((g) => show(g, t.group(g))).join(' ')}\n`);
  else ctx.io.stdout.write(`uid=${label(uid, t.user(uid))} gid=${label(gid, t.group(gid))} groups=${groups.map((g) => label(g, t.group(g))).join(',')}\n`);
  return 0;
};

export const uname: Program = async (ctx) => {
  const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith('-') ? [...a.slice(1)] : ['?'])));
  if (flags.has('?') || [...flags].some((f) => !'asnrvmpio'.includes(f))) {
    if (isBusybox(ctx)) ctx.io.stderr.write('BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: uname [-amnrspvio]\n\nPrint system information\n');
    else {
      const extra = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
      const bad = [...flags].find((f) => f !== '?' && !'asnrvmpio'.includes(f));
      ctx.io.stderr.write(`uname: ${extra !== undefined ? `extra operand '${extra}'` : `invalid option -- '${bad}'`}\nTry 'uname --help' for more information.\n`);
    }
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

/** GNU df's mounts: the host's, or a container's as its coreutils sees them (KiB: size, used) */
const GNU_HOST_MOUNTS: [string, number, number, string][] = [
  ['udev', 1_987_000, 0, '/dev'],
  ['tmpfs', 402_640, 1_132, '/run'],
  ['/dev/sda1', 61_202_244, 13_476_548, '/'],
  ['tmpfs', 2_013_184, 0, '/dev/shm'],
  ['tmpfs', 5_120, 0, '/run/lock'],
  ['tmpfs', 402_636, 0, '/run/user/1000'],
];
const GNU_CONTAINER_MOUNTS: [string, number, number, string][] = [
  ['overlay', 61_202_244, 13_476_548, '/'],
  ['tmpfs', 65_536, 0, '/dev'],
  ['shm', 65_536, 0, '/dev/shm'],
  ['/dev/sda1', 61_202_244, 13_476_548, '/etc/hosts'],
  ['tmpfs', 2_013_184, 0, '/proc/acpi'],
  ['tmpfs', 2_013_184, 0, '/sys/firmware'],
];

/** GNU's -h: one decimal below 10, rounded up, no "B" */
function gnuSize(kib: number): string {
  if (kib === 0) return '0';
  const units = ['K', 'M', 'G', 'T'];
  let v = kib;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (v < 10) return `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}`;
  return `${Math.ceil(v)}${units[i]}`;
}

export const gnuDf: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const bad = args.find((a) => a.startsWith('-') && !/^-[hkTPa]+$/.test(a) && a !== '--human-readable');
  if (bad) {
    ctx.io.stderr.write(`df: invalid option -- '${bad.slice(1, 2)}'\nTry 'df --help' for more information.\n`);
    return 1;
  }
  const h = args.some((a) => a === '--human-readable' || (/^-[a-zA-Z]+$/.test(a) && a.includes('h')));
  const mounts = ctx.container ? GNU_CONTAINER_MOUNTS : GNU_HOST_MOUNTS;
  const rows = mounts.map(([fs, size, used, on]) => {
    const avail = fs === '/dev/sda1' || fs === 'overlay' ? 44_584_276 : size - used;
    const pct = size ? `${Math.ceil((used * 100) / (used + avail))}%` : '-';
    return h ? [fs, gnuSize(size), gnuSize(used), gnuSize(avail), pct, on] : [fs, String(size), String(used), String(avail), pct, on];
  });
  const head = h ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
  const all = [head, ...rows];
  const w = head.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) => [r[0].padEnd(w[0]), ...r.slice(1, 5).map((x, i) => x.padStart(w[i + 1])), r[5]].join(' ');
  // the header's first column is left-aligned, the others right-aligned like the numbers
  ctx.io.stdout.write(`${all.map(line).join('\n')}\n`);
  return 0;
};
