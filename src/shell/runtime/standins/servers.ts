/**
 * The learner catalog's redis-server and mongod binaries: the startup log
 * those versions print, then they run until SIGTERM/SIGINT (and shut down with
 * their shutdown log, exit 0).
 */
import type { Program, ProgramContext } from '../../interpreter/types';
import { strftime } from '../../programs/misc';
import { untilSignal } from './services';

/** redis 7.2 log line: "1:M 24 Nov 2026 07:00:00.000 * text" */
function redisLine(ctx: ProgramContext, role: 'C' | 'M', level: '*' | '#' | '.', text: string): string {
  return `${ctx.proc?.pid ?? 1}:${role} ${strftime('%d %b %Y %H:%M:%S', ctx.clock.now())}.${String(ctx.clock.now() % 1000).padStart(3, '0')} ${level} ${text}\n`;
}

export const redisBinary: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const ver = ctx.env.REDIS_VERSION || '7.2.3';
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.io.stdout.write(`Redis server v=${ver} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=7f9fb9c2d3c4a9c6\n`);
    return 0;
  }
  const pid = ctx.proc?.pid ?? 1;
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? args[portArg + 1] : '6379';
  const out = ctx.io.stdout;
  out.write(
    redisLine(
      ctx,
      'C',
      '#',
      "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
    ),
  );
  out.write(redisLine(ctx, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'));
  out.write(redisLine(ctx, 'C', '*', `Redis version=${ver}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`));
  if (args.length === 0 || args[0].startsWith('--')) {
    out.write(redisLine(ctx, 'C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'));
  } else out.write(redisLine(ctx, 'C', '*', 'Configuration loaded'));
  out.write(redisLine(ctx, 'M', '*', 'monotonic clock: POSIX clock_gettime'));
  out.write(redisLine(ctx, 'M', '*', `Running mode=standalone, port=${port}.`));
  out.write(redisLine(ctx, 'M', '*', 'Server initialized'));
  out.write(redisLine(ctx, 'M', '*', 'Ready to accept connections tcp'));
  const sig = await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  out.write(`${pid}:signal-handler (${Math.floor(ctx.clock.now() / 1000)}) Received ${sig} scheduling shutdown...\n`);
  out.write(redisLine(ctx, 'M', '*', 'User requested shutdown...'));
  out.write(redisLine(ctx, 'M', '*', 'Saving the final RDB snapshot before exiting.'));
  try {
    ctx.fs.writeFile(`${ctx.cwd === '/' ? '' : ctx.cwd}/dump.rdb`, 'REDIS0011\xfa\tredis-ver\x057.2.3\xff');
  } catch {
    // the working directory is read-only: redis reports it; the stand-in goes on
  }
  out.write(redisLine(ctx, 'M', '*', 'DB saved on disk'));
  out.write(redisLine(ctx, 'M', '#', 'Redis is now ready to exit, bye bye...'));
  return 0;
};

/** mongod 3.x log line: "2026-11-24T07:00:00.000+0000 I CONTROL  [initandlisten] text" */
function mongoLine(ctx: ProgramContext, component: string, thread: string, text: string): string {
  const t = ctx.clock.now();
  return `${strftime('%Y-%m-%dT%H:%M:%S', t)}.${String(t % 1000).padStart(3, '0')}+0000 I ${component.padEnd(8)} [${thread}] ${text}\n`;
}

export const mongodBinary: Program = async (ctx) => {
  const ver = ctx.env.MONGO_VERSION || '3.2.21';
  if (ctx.argv.includes('--version')) {
    ctx.io.stdout.write(`db version v${ver}\ngit version: 1ab1010737145ba3761318508ff65ba74dfe8155\nOpenSSL version: OpenSSL 1.0.1t  3 May 2016\nallocator: tcmalloc\nmodules: none\n`);
    return 0;
  }
  const pid = ctx.proc?.pid ?? 1;
  const host = ctx.container?.hostname ?? 'localhost';
  const lines: [string, string, string][] = [
    ['CONTROL', 'initandlisten', `MongoDB starting : pid=${pid} port=27017 dbpath=/data/db 64-bit host=${host}`],
    ['CONTROL', 'initandlisten', `db version v${ver}`],
    ['CONTROL', 'initandlisten', 'git version: 1ab1010737145ba3761318508ff65ba74dfe8155'],
    ['CONTROL', 'initandlisten', 'OpenSSL version: OpenSSL 1.0.1t  3 May 2016'],
    ['CONTROL', 'initandlisten', 'allocator: tcmalloc'],
    ['CONTROL', 'initandlisten', 'modules: none'],
    ['CONTROL', 'initandlisten', 'build environment:'],
    ['CONTROL', 'initandlisten', '    distmod: debian81'],
    ['CONTROL', 'initandlisten', '    distarch: x86_64'],
    ['CONTROL', 'initandlisten', '    target_arch: x86_64'],
    ['CONTROL', 'initandlisten', 'options: {}'],
    ['STORAGE', 'initandlisten', 'wiredtiger_open config: create,cache_size=1G,session_max=20000,eviction=(threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,archive=true,path=journal,compressor=snappy),file_manager=(close_idle_time=100000),checkpoint=(wait=60,log_size=2GB),statistics_log=(wait=0),'],
    ['NETWORK', 'HostnameCanonicalizationWorker', 'Starting hostname canonicalization worker'],
    ['FTDC', 'initandlisten', "Initializing full-time diagnostic data capture with directory '/data/db/diagnostic.data'"],
    ['NETWORK', 'initandlisten', 'waiting for connections on port 27017'],
  ];
  for (const [c, t, x] of lines) ctx.io.stdout.write(mongoLine(ctx, c, t, x));
  const sig = await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  const n = sig === 'SIGINT' ? 2 : 15;
  const down: [string, string][] = [
    ['CONTROL', `got signal ${n} (${n === 2 ? 'Interrupt' : 'Terminated'}), will terminate after current cmd ends`],
    ['FTDC', 'Shutting down full-time diagnostic data capture'],
    ['CONTROL', 'now exiting'],
    ['NETWORK', 'shutdown: going to close listening sockets...'],
    ['NETWORK', 'closing listening socket: 6'],
    ['NETWORK', 'closing listening socket: 7'],
    ['NETWORK', 'removing socket file: /tmp/mongodb-27017.sock'],
    ['NETWORK', 'shutdown: going to flush diaglog...'],
    ['NETWORK', 'shutdown: going to close sockets...'],
    ['STORAGE', 'WiredTigerKVEngine shutting down'],
    ['STORAGE', 'shutdown: removing fs lock...'],
    ['CONTROL', 'dbexit:  rc: 0'],
  ];
  for (const [c, x] of down) ctx.io.stdout.write(mongoLine(ctx, c, 'signalProcessingThread', x));
  return 0;
};
