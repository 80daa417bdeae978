/** ps and ping in busybox's formats (containers), iputils ping */
import { textDecoder } from '../../api/fs';
import type { Program, ProgramContext } from '../interpreter/types';

/** a numeric user ("101") by its /etc/passwd name, as busybox ps shows it */
function userName(ctx: ProgramContext, user: string): string {
  const uid = user.split(':')[0];
  if (!/^\d+$/.test(uid)) return uid;
  try {
    const line = textDecoder
      .decode(ctx.fs.readFile('/etc/passwd'))
      .split('\n')
      .find((l) => l.split(':')[2] === uid);
    return line?.split(':')[0] ?? uid;
  } catch {
    return uid;
  }
}

export const ps: Program = async (ctx) => {
  const procs = [...(ctx.container?.processes() ?? [])].sort((a, b) => a.pid - b.pid);
  const top = procs[procs.length - 1];
  const selfListed = ctx.proc !== undefined ? procs.some((p) => p.pid === ctx.proc?.pid) : top && top.argv.join(' ') === ctx.argv.join(' ');
  const rows = procs.map((p) => ({ pid: p.pid, user: userName(ctx, p.user || 'root'), cmd: p.argv.join(' ') }));
  if (!selfListed) rows.push({ pid: (top?.pid ?? 0) + 1 + rows.length, user: ctx.container?.user || 'root', cmd: ctx.argv.join(' ') });
  let out = 'PID   USER     COMMAND\n';
  for (const r of rows) out += `${String(r.pid).padStart(5)} ${r.user.slice(0, 8).padEnd(8)} ${r.cmd}\n`;
  ctx.io.stdout.write(out);
  return 0;
};

/** deterministic round-trip times (ms) for the simulated bridge */
function rtt(seq: number): number {
  return 0.05 + ((seq * 37) % 50) / 1000;
}

/**
 * ping's SIGINT handler: Ctrl-C ends the pings and the statistics follow,
 * also when ping is a container's PID 1 (init ignores only signals it has
 * no handler for)
 */
function untilInterrupt(ctx: ProgramContext): { signal: AbortSignal; done(): void } {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (ctx.io.interrupt.aborted) stop.abort();
  else ctx.io.interrupt.addEventListener('abort', onAbort, { once: true });
  const unsub = ctx.onSignal?.((sig) => {
    if (sig !== 'SIGINT') return false;
    stop.abort();
    return true;
  });
  return {
    signal: stop.signal,
    done: () => {
      ctx.io.interrupt.removeEventListener('abort', onAbort);
      unsub?.();
    },
  };
}

export const ping: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let count = Number.POSITIVE_INFINITY;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2));
    else if (args[i] === '-W' || args[i] === '-w' || args[i] === '-i' || args[i] === '-s') i++;
    else if (!args[i].startsWith('-')) host = args[i];
  }
  if (host === undefined) {
    ctx.io.stderr.write('BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  if (!Number.isFinite(count) && args.includes('-c')) {
    ctx.io.stderr.write(`ping: invalid number '${args[args.indexOf('-c') + 1]}'\n`);
    return 1;
  }
  const ip = ctx.net?.container?.resolve(host);
  if (!ip) {
    ctx.io.stderr.write(`ping: bad address '${host}'\n`);
    return 1;
  }
  ctx.io.stdout.write(`PING ${host} (${ip}): 56 data bytes\n`);
  if (ctx.net?.container?.hasRoute && !ctx.net.container.hasRoute(ip)) {
    ctx.io.stderr.write('ping: sendto: Network is unreachable\n');
    return 1;
  }
  const times: number[] = [];
  let interrupted = false;
  const sigint = untilInterrupt(ctx);
  for (let seq = 0; seq < count; seq++) {
    if (seq > 0) {
      try {
        await ctx.clock.sleep(1000, sigint.signal);
      } catch {
        interrupted = true;
        break;
      }
    }
    const t = rtt(seq);
    times.push(t);
    ctx.io.stdout.write(`64 bytes from ${ip}: seq=${seq} ttl=64 time=${t.toFixed(3)} ms\n`);
  }
  sigint.done();
  const n = times.length;
  ctx.io.stdout.write(`\n--- ${host} ping statistics ---\n${n} packets transmitted, ${n} packets received, 0% packet loss\n`);
  if (n) {
    const avg = times.reduce((a, b) => a + b, 0) / n;
    ctx.io.stdout.write(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`);
  }
  return interrupted && n === 0 ? 1 : 0;
};

/** iputils ping (Debian/Ubuntu's ping, installed by apt-get install iputils-ping) */
export const pingIputils: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let count = Number.POSITIVE_INFINITY;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') count = Number(args[++i]);
    else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2));
    else if (['-W', '-w', '-i', '-s', '-t'].includes(args[i])) i++;
    else if (!args[i].startsWith('-')) host = args[i];
  }
  if (host === undefined) {
    ctx.io.stderr.write('ping: usage error: Destination address required\n');
    return 1;
  }
  if (Number.isNaN(count) || count <= 0) {
    ctx.io.stderr.write(`ping: invalid argument: '${args[args.indexOf('-c') + 1]}': out of range: 1 <= value <= 9223372036854775807\n`);
    return 1;
  }
  const ip = ctx.net?.container?.resolve(host);
  if (!ip) {
    ctx.io.stderr.write(`ping: ${host}: Name or service not known\n`);
    return 2;
  }
  ctx.io.stdout.write(`PING ${host} (${ip}) 56(84) bytes of data.\n`);
  const times: number[] = [];
  const started = ctx.clock.now();
  const sigint = untilInterrupt(ctx);
  for (let seq = 1; seq <= count; seq++) {
    if (seq > 1) {
      try {
        await ctx.clock.sleep(1000, sigint.signal);
      } catch {
        break;
      }
    }
    const t = rtt(seq) + 0.02;
    times.push(t);
    ctx.io.stdout.write(`64 bytes from ${ip === host ? ip : `${host} (${ip})`}: icmp_seq=${seq} ttl=64 time=${t.toFixed(3)} ms\n`);
  }
  sigint.done();
  const n = times.length;
  const avg = times.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / Math.max(1, n));
  ctx.io.stdout.write(`\n--- ${host} ping statistics ---\n${n} packets transmitted, ${n} received, 0% packet loss, time ${Math.max(0, ctx.clock.now() - started)}ms\n`);
  if (n) ctx.io.stdout.write(`rtt min/avg/max/mdev = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)}/${mdev.toFixed(3)} ms\n`);
  return 0;
};
