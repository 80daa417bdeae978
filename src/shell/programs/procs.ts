/**
 * ps, top and free: procps-ng's formats (the host, Debian/Ubuntu images that
 * ship procps) and busybox's. Inside a container they list that container's
 * processes; on the host, the learner's shell and the services of the machine.
 */
import type { ProcessInfo } from '../../api/runtime';
import type { Program, ProgramContext } from '../interpreter/types';
import { HOST_UPTIME_AT_START, MEMORY_KIB, NCPU } from '../runtime/host-facts';
import { nameTables } from './accounts';
import { busyboxHuman } from './du';
import { isBusybox, parseArgs, usageError } from './util';

interface Row {
  pid: number;
  ppid: number;
  user: string;
  argv: string[];
  started: number;
  tty: boolean;
}

/** the host's own processes besides the learner's shell (a Debian machine running Docker) */
function hostProcesses(ctx: ProgramContext): Row[] {
  const boot = ctx.clock.now() - HOST_UPTIME_AT_START * 1000;
  const sys = (pid: number, ppid: number, argv: string[]): Row => ({ pid, ppid, user: 'root', argv, started: boot, tty: false });
  return [
    sys(1, 0, ['/sbin/init']),
    sys(312, 1, ['/lib/systemd/systemd-journald']),
    sys(598, 1, ['/usr/sbin/cron', '-f']),
    sys(611, 1, ['/usr/sbin/sshd', '-D']),
    sys(702, 1, ['/usr/bin/containerd']),
    sys(731, 1, ['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock']),
  ];
}

/** the processes `ps` sees, itself included */
function processRows(ctx: ProgramContext): Row[] {
  const user = ctx.env.USER || 'root';
  if (ctx.container) {
    const rows: Row[] = ctx.container.processes().map((p: ProcessInfo) => ({ ...p, user: p.user || 'root' }));
    rows.sort((a, b) => a.pid - b.pid);
    const self = ctx.proc?.pid;
    if (self === undefined || !rows.some((r) => r.pid === self)) {
      const top = rows[rows.length - 1];
      rows.push({ pid: (top?.pid ?? 0) + 1, ppid: 0, user: ctx.container.user || 'root', argv: ctx.argv, started: ctx.clock.now(), tty: false });
    }
    return rows;
  }
  const shellPid = 4242;
  return [
    ...hostProcesses(ctx),
    { pid: shellPid, ppid: 611, user, argv: ['-bash'], started: ctx.clock.now(), tty: true },
    { pid: ctx.proc && ctx.proc.pid !== shellPid ? ctx.proc.pid : shellPid + 1, ppid: shellPid, user, argv: ctx.argv, started: ctx.clock.now(), tty: true },
  ];
}

/** a numeric user ("101", "1000:1000") by its /etc/passwd name, as ps shows it */
function userLabel(ctx: ProgramContext, user: string, width: number): string {
  const u = user.split(':')[0];
  const name = /^\d+$/.test(u) ? (nameTables(ctx).user(Number(u)) ?? u) : u;
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
}

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

function busyboxPs(ctx: ProgramContext, rows: Row[]): string {
  let out = 'PID   USER     COMMAND\n';
  for (const r of rows) out += `${String(r.pid).padStart(5)} ${userLabel(ctx, r.user, 8).slice(0, 8).padEnd(8)} ${r.argv.join(' ')}\n`;
  return out;
}

function procpsPs(ctx: ProgramContext, rows: Row[], mode: 'tty' | 'aux' | 'ef'): string {
  const tty = (r: Row) => (r.tty ? 'pts/0' : '?');
  if (mode === 'aux') {
    let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const r of rows) {
      const stat = r.pid === 1 || r.argv[0] === '-bash' ? 'Ss' : r.argv[0] === ctx.argv[0] && r === rows[rows.length - 1] ? 'R+' : 'S';
      out += `${userLabel(ctx, r.user, 8).padEnd(8)} ${String(r.pid).padStart(7)}  0.0  0.0 ${String(2420 + (r.pid % 7) * 1117).padStart(6)} ${String(1024 + (r.pid % 5) * 512).padStart(5)} ${tty(r).padEnd(8)} ${stat.padEnd(4)} ${hhmm(r.started)}   0:00 ${r.argv.join(' ')}\n`;
    }
    return out;
  }
  if (mode === 'ef') {
    let out = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
    for (const r of rows) out += `${userLabel(ctx, r.user, 8).padEnd(8)} ${String(r.pid).padStart(7)} ${String(r.ppid).padStart(7)}  0 ${hhmm(r.started)} ${tty(r).padEnd(8)} 00:00:00 ${r.argv.join(' ')}\n`;
    return out;
  }
  let out = '    PID TTY          TIME CMD\n';
  const mine = ctx.container ? rows : rows.filter((r) => r.tty);
  for (const r of mine) out += `${String(r.pid).padStart(7)} ${tty(r).padEnd(8)} 00:00:00 ${(r.argv[0] ?? '').replace(/^.*\//, '').replace(/^-/, '').slice(0, 15)}\n`;
  return out;
}

export const ps: Program = async (ctx) => {
  const rows = processRows(ctx);
  if (isBusybox(ctx)) {
    ctx.io.stdout.write(busyboxPs(ctx, rows));
    return 0;
  }
  const args = ctx.argv.slice(1).join(' ');
  const mode = /(^|\s)-?[a-z]*u[a-z]*x|aux/.test(args) || /^a?x$/.test(args) ? 'aux' : /-[a-zA-Z]*[ef]/.test(args) ? 'ef' : 'tty';
  if (args !== '' && !/^[-a-zA-Z ]+$/.test(args)) {
    ctx.io.stderr.write('error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try \'ps --help <simple|list|output|threads|misc|all>\'\n  or \'ps --help <s|l|o|t|m|a>\'\n for additional help text.\n\nFor more details see ps(1).\n');
    return 1;
  }
  ctx.io.stdout.write(procpsPs(ctx, rows, mode));
  return 0;
};

function clock(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function uptimeText(ms: number): string {
  const mins = Math.floor(ms / 60000);
  const days = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const hm = h > 0 ? `${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${m} min`;
  return days > 0 ? `${days} day${days > 1 ? 's' : ''}, ${hm}` : hm;
}

/** one screen of top */
export function topFrame(ctx: ProgramContext): string {
  const rows = processRows(ctx);
  const now = ctx.clock.now();
  const m = MEMORY_KIB;
  if (isBusybox(ctx)) {
    let out = `Mem: ${m.used}K used, ${m.free}K free, ${m.shared}K shrd, ${Math.round(m.buffCache / 4)}K buff, ${m.buffCache - Math.round(m.buffCache / 4)}K cached\n`;
    out += 'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n';
    out += `Load average: 0.00 0.00 0.00 1/${rows.length + 120} ${rows[rows.length - 1]?.pid ?? 1}\n`;
    out += '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n';
    for (const r of rows) {
      const vsz = 1320 + (r.pid % 5) * 128;
      out += `${String(r.pid).padStart(5)} ${String(r.ppid).padStart(5)} ${userLabel(ctx, r.user, 8).padEnd(8)} ${(r === rows[rows.length - 1] ? 'R' : 'S').padEnd(4)} ${String(vsz).padStart(5)}   0%   ${r.pid % NCPU}   0% ${r.argv.join(' ')}\n`;
    }
    return out;
  }
  const mib = (k: number) => (k / 1024).toFixed(1).padStart(8);
  const users = ctx.container ? '0 users' : '1 user';
  let out = `top - ${clock(now)} up ${uptimeText(HOST_UPTIME_AT_START * 1000)},  ${users},  load average: 0.00, 0.01, 0.00\n`;
  const running = 1;
  out += `Tasks: ${String(rows.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(rows.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie\n`;
  out += '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st\n';
  out += `MiB Mem : ${mib(m.total)} total, ${mib(m.free)} free, ${mib(m.used)} used, ${mib(m.buffCache)} buff/cache\n`;
  out += `MiB Swap: ${mib(0)} total, ${mib(0)} free, ${mib(0)} used. ${mib(m.available)} avail Mem\n\n`;
  out += '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n';
  const listed = [...rows.slice(-1), ...rows.slice(0, -1)];
  for (const r of listed) {
    const virt = 4116 + (r.pid % 7) * 1024;
    const res = 3200 + (r.pid % 5) * 256;
    const shr = 2800 + (r.pid % 3) * 128;
    const cmd = (r.argv[0] ?? '').replace(/^.*\//, '').replace(/^-/, '');
    out += `${String(r.pid).padStart(7)} ${userLabel(ctx, r.user, 8).padEnd(8)}  20   0 ${String(virt).padStart(7)} ${String(res).padStart(6)} ${String(shr).padStart(6)} ${r === rows[rows.length - 1] ? 'R' : 'S'}   0.0   ${((res / m.total) * 100).toFixed(1)}   0:00.0${r.pid % 10} ${cmd}\n`;
  }
  return out;
}

export const top: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'bHicS', 'ndpuo', { batch: 'b', iterations: 'n', delay: 'd' });
  if ('error' in a) return usageError(ctx, a.error);
  const batch = a.flags.has('b') || !ctx.io.stdout.isTTY;
  const iterations = a.values.has('n') ? Number(a.values.get('n')) : Number.POSITIVE_INFINITY;
  const delay = Math.max(0.1, Number(a.values.get('d') ?? 3)) * 1000;
  if (!batch && !ctx.io.stdin.isTTY) {
    ctx.io.stderr.write(isBusybox(ctx) ? "top: can't get terminal size\n" : 'top: failed tty get\n');
    return 1;
  }
  const restore = batch ? undefined : ctx.io.stdin.setMode?.('raw');
  let pending: Promise<Uint8Array | null> | undefined;
  try {
    for (let n = 0; n < iterations; n++) {
      const frame = topFrame(ctx);
      if (batch) ctx.io.stdout.write(`${frame}${isBusybox(ctx) ? '' : '\n'}`);
      else ctx.io.stdout.write(`\x1b[H\x1b[2J${frame.replace(/\n/g, '\r\n')}`);
      if (n + 1 >= iterations) break;
      if (batch) {
        await ctx.clock.sleep(delay, ctx.io.interrupt);
        continue;
      }
      pending ??= ctx.io.stdin.read();
      const tick = ctx.clock.sleep(delay, ctx.io.interrupt).then(() => 'tick' as const);
      const key = await Promise.race([pending.then((k) => ({ k })), tick]);
      if (key !== 'tick') {
        pending = undefined;
        const text = key.k === null ? 'q' : new TextDecoder().decode(key.k);
        if (text.includes('q') || text.includes('\x03')) break;
      }
    }
  } catch {
    // Ctrl-C
  } finally {
    if (restore !== undefined) ctx.io.stdin.setMode?.(restore);
  }
  if (!batch) ctx.io.stdout.write('\r\n');
  return 0;
};

export const free: Program = async (ctx) => {
  const a = parseArgs(ctx.argv.slice(1), 'bkmghlwt', '', { human: 'h', mebi: 'm', gibi: 'g', kibi: 'k', bytes: 'b' });
  if ('error' in a) return usageError(ctx, a.error);
  const m = MEMORY_KIB;
  const f = a.flags;
  const bb = isBusybox(ctx);
  const gnuH = (k: number) => {
    if (k === 0) return '0B';
    const units = ['Ki', 'Mi', 'Gi', 'Ti'];
    let v = k;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
  };
  const show = (k: number) =>
    f.has('h') ? (bb ? busyboxHuman(k * 1024) : gnuH(k)) : f.has('b') ? String(k * 1024) : f.has('m') ? String(Math.floor(k / 1024)) : f.has('g') ? String(Math.floor(k / 1048576)) : String(k);
  // the numbers end under the header's words: column 19 (busybox) or 20 (procps-ng 4)
  const row = (label: string, cells: number[]) => `${label.padEnd(bb ? 7 : 8)}${cells.map((c) => show(c).padStart(12)).join('')}\n`;
  let out = bb ? '              total        used        free      shared  buff/cache   available\n' : '               total        used        free      shared  buff/cache   available\n';
  out += row('Mem:', [m.total, m.used, m.free, m.shared, m.buffCache, m.available]);
  out += row('Swap:', [0, 0, 0]);
  ctx.io.stdout.write(out);
  return 0;
};
