/** ps and ping in busybox's formats (containers) */
import type { Program } from '../interpreter/types';

export const ps: Program = async (ctx) => {
  const procs = [...(ctx.container?.processes() ?? [])].sort((a, b) => a.pid - b.pid);
  const top = procs[procs.length - 1];
  const selfListed = top && top.argv.join(' ') === ctx.argv.join(' ');
  const rows = procs.map((p) => ({ pid: p.pid, user: p.user || 'root', cmd: p.argv.join(' ') }));
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
  const times: number[] = [];
  let interrupted = false;
  for (let seq = 0; seq < count; seq++) {
    if (seq > 0) {
      try {
        await ctx.clock.sleep(1000, ctx.io.interrupt);
      } catch {
        interrupted = true;
        break;
      }
    }
    const t = rtt(seq);
    times.push(t);
    ctx.io.stdout.write(`64 bytes from ${ip}: seq=${seq} ttl=64 time=${t.toFixed(3)} ms\n`);
  }
  const n = times.length;
  ctx.io.stdout.write(`\n--- ${host} ping statistics ---\n${n} packets transmitted, ${n} packets received, 0% packet loss\n`);
  if (n) {
    const avg = times.reduce((a, b) => a + b, 0) / n;
    ctx.io.stdout.write(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`);
  }
  return interrupted && n === 0 ? 1 : 0;
};
