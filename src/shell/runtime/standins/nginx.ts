/**
 * The learner catalog's /usr/sbin/nginx binary: a master process
 * (`nginx: master process nginx -g daemon off;`) and NCPU worker processes
 * (user nginx, uid 101) in the process table, nginx's startup notices on
 * stderr (the image links error.log to /dev/stderr), one access-log line per
 * request on stdout in the "main" (combined) format, SIGQUIT = graceful and
 * SIGTERM/SIGINT = fast shutdown, SIGHUP = reload. `-v`, `-t`, `-s SIGNAL` as
 * nginx does them.
 */
import { textDecoder } from '../../../api/fs';
import type { HttpRequest, HttpResponse } from '../../../api/net';
import type { ForkedProcess, Program, ProgramContext } from '../../interpreter/types';
import { mimeType } from '../../programs/httpd';
import { strftime } from '../../programs/misc';
import { encode } from '../../programs/util';
import { joinPath, normalizePath } from '../../vfs/path';
import { KERNEL_RELEASE, NCPU } from '../host-facts';
import { signalNumber } from '../signals';

const PID_FILE = '/var/run/nginx.pid';
/** /var/run is a link to /run in Debian; an image listing without the link keeps the file in /run */
const PID_FILES = [PID_FILE, '/run/nginx.pid'];
const CONF = '/etc/nginx/nginx.conf';

function version(ctx: ProgramContext): string {
  return ctx.env.NGINX_VERSION || '1.25.3';
}

function isAlpine(ctx: ProgramContext): boolean {
  try {
    return /^ID=alpine$/m.test(textDecoder.decode(ctx.fs.readFile('/etc/os-release')));
  } catch {
    return false;
  }
}

/** "2026/11/24 07:00:00 [notice] 1#1: " */
function notice(ctx: ProgramContext, pid: number, text: string): string {
  return `${strftime('%Y/%m/%d %H:%M:%S', ctx.clock.now())} [notice] ${pid}#${pid}: ${text}\n`;
}

/** the document root of the default server (conf.d/default.conf), /usr/share/nginx/html when unreadable */
function documentRoot(ctx: ProgramContext): string {
  try {
    const conf = textDecoder.decode(ctx.fs.readFile('/etc/nginx/conf.d/default.conf'));
    const m = /location\s+\/\s*\{[^}]*?\broot\s+([^;\s]+);/.exec(conf);
    if (m) return m[1];
  } catch {
    // no default server config: nginx's built-in prefix html
  }
  return '/usr/share/nginx/html';
}

function errorPage(status: number, text: string, ver: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${ver}</center>\r\n</body>\r\n</html>\r\n`;
}

function respond(ctx: ProgramContext, req: HttpRequest, root: string): HttpResponse {
  const ver = version(ctx);
  const base = { Server: `nginx/${ver}`, Date: new Date(ctx.clock.now()).toUTCString() };
  const fail = (status: number, text: string): HttpResponse => {
    const body = encode(errorPage(status, text, ver));
    return { status, statusText: text, headers: { ...base, 'Content-Type': 'text/html', 'Content-Length': String(body.length), Connection: 'keep-alive' }, body };
  };
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return fail(405, 'Not Allowed');
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(req.path.split('?')[0]);
  } catch {
    return fail(400, 'Bad Request');
  }
  let path = joinPath(root, normalizePath(urlPath).slice(1));
  try {
    if (ctx.fs.stat(path).type === 'dir') {
      if (!urlPath.endsWith('/')) {
        const body = encode(errorPage(301, 'Moved Permanently', ver));
        return {
          status: 301,
          statusText: 'Moved Permanently',
          headers: { ...base, 'Content-Type': 'text/html', 'Content-Length': String(body.length), Location: `http://${req.headers.Host ?? req.host}${urlPath}/`, Connection: 'keep-alive' },
          body,
        };
      }
      const index = ['index.html', 'index.htm'].map((n) => joinPath(path, n)).find((p) => ctx.fs.exists(p));
      if (!index) return fail(403, 'Forbidden');
      path = index;
    }
    const st = ctx.fs.stat(path);
    if (st.type !== 'file') return fail(404, 'Not Found');
    if (req.method === 'POST') return fail(405, 'Not Allowed');
    const body = ctx.fs.readFile(path);
    return {
      status: 200,
      statusText: 'OK',
      headers: {
        ...base,
        'Content-Type': mimeType(path),
        'Content-Length': String(st.size),
        'Last-Modified': new Date(st.mtime).toUTCString(),
        Connection: 'keep-alive',
        ETag: `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`,
        'Accept-Ranges': 'bytes',
      },
      body: req.method === 'HEAD' ? new Uint8Array(0) : body,
    };
  } catch {
    return fail(404, 'Not Found');
  }
}

/** `172.17.0.1 - - [24/Nov/2026:07:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"` */
function accessLine(ctx: ProgramContext, req: HttpRequest, res: HttpResponse): string {
  const h = (name: string) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === name)?.[1] || '-';
  const when = strftime('%d/%b/%Y:%H:%M:%S +0000', ctx.clock.now());
  return `${req.remoteAddr ?? '172.17.0.1'} - - [${when}] "${req.method} ${req.path} HTTP/1.1" ${res.status} ${res.body.length} "${h('referer')}" "${h('user-agent')}" "${h('x-forwarded-for')}"\n`;
}

/** `nginx -s stop|quit|reload|reopen`: signal the running master (its PID file) */
function sendSignal(ctx: ProgramContext, name: string): number {
  const signals: Record<string, string> = { stop: 'SIGTERM', quit: 'SIGQUIT', reload: 'SIGHUP', reopen: 'SIGUSR1' };
  const sig = Object.hasOwn(signals, name) ? signals[name] : undefined;
  if (!sig) {
    ctx.io.stderr.write(`nginx: invalid option: "-s ${name}"\n`);
    return 1;
  }
  const self = ctx.proc?.pid ?? 0;
  ctx.io.stderr.write(notice(ctx, self, 'signal process started'));
  let pid: number;
  try {
    const file = PID_FILES.find((f) => ctx.fs.exists(f)) ?? PID_FILE;
    pid = Number(textDecoder.decode(ctx.fs.readFile(file)).trim());
  } catch {
    ctx.io.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', ctx.clock.now())} [error] ${self}#${self}: open() "${PID_FILE}" failed (2: No such file or directory)\n`);
    return 1;
  }
  if (!ctx.proc?.signal(pid, sig)) {
    ctx.io.stderr.write(`${strftime('%Y/%m/%d %H:%M:%S', ctx.clock.now())} [error] ${self}#${self}: kill(${pid}, ${signalNumber(sig)}) failed (3: No such process)\n`);
    return 1;
  }
  return 0;
}

export const nginxBinary: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let daemonOff = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '-V') {
      ctx.io.stderr.write(`nginx version: nginx/${version(ctx)}\n`);
      return 0;
    }
    if (a === '-t' || a === '-T') {
      ctx.io.stderr.write(`nginx: the configuration file ${CONF} syntax is ok\nnginx: configuration file ${CONF} test is successful\n`);
      return 0;
    }
    if (a === '-s') return sendSignal(ctx, args[i + 1] ?? '');
    if (a === '-g') daemonOff = /daemon\s+off\s*;/.test(args[++i] ?? '');
    else if (a === '-c' || a === '-p' || a === '-e') i++;
    else if (a !== '-q') {
      ctx.io.stderr.write(`nginx: invalid option: "${a.replace(/^-/, '')}"\n`);
      return 1;
    }
  }
  if (!daemonOff && ctx.proc) {
    // daemon on: the master goes on in a child, the command returns
    const child = ctx.proc.fork([`nginx: master process ${ctx.argv.join(' ')}`]);
    runMaster({ ...ctx, proc: child.control, onSignal: child.onSignal, io: { ...ctx.io, interrupt: child.killed } }).then((s) => child.exit(s));
    return 0;
  }
  return runMaster(ctx);
};

async function runMaster(ctx: ProgramContext): Promise<number> {
  const pid = ctx.proc?.pid ?? 1;
  ctx.proc?.setArgv([`nginx: master process ${ctx.argv.join(' ')}`]);
  const pidFile = PID_FILES.find((f) => ctx.fs.exists(f.slice(0, f.lastIndexOf('/')))) ?? PID_FILE;
  try {
    ctx.fs.writeFile(pidFile, `${pid}\n`);
  } catch {
    // no run directory: the stand-in goes on without its PID file
  }
  const err = ctx.io.stderr;
  err.write(notice(ctx, pid, 'using the "epoll" event method'));
  err.write(notice(ctx, pid, `nginx/${version(ctx)}`));
  err.write(notice(ctx, pid, isAlpine(ctx) ? 'built by gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10) ' : 'built by gcc 12.2.0 (Debian 12.2.0-14) '));
  err.write(notice(ctx, pid, `OS: Linux ${KERNEL_RELEASE}`));
  err.write(notice(ctx, pid, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'));
  err.write(notice(ctx, pid, 'start worker processes'));
  const startWorkers = (): ForkedProcess[] => {
    const ws: ForkedProcess[] = [];
    for (let i = 0; i < NCPU && ctx.proc; i++) {
      const w = ctx.proc.fork(['nginx: worker process'], { user: '101' });
      w.onSignal(() => true);
      ws.push(w);
      err.write(notice(ctx, pid, `start worker process ${w.pid}`));
    }
    return ws;
  };
  let workers = startWorkers();
  const root = documentRoot(ctx);
  const stopListening = ctx.net?.container?.listen(80, async (req) => {
    const res = respond(ctx, req, root);
    ctx.io.stdout.write(accessLine(ctx, req, res));
    return res;
  });
  const signal = await new Promise<string>((resolve) => {
    const unsub = ctx.onSignal?.((s) => {
      if (s === 'SIGHUP') {
        err.write(notice(ctx, pid, 'signal 1 (SIGHUP) received, reconfiguring'));
        err.write(notice(ctx, pid, 'reconfiguring'));
        for (const w of workers) {
          err.write(notice(ctx, w.pid, 'gracefully shutting down'));
          w.exit(0);
        }
        workers = startWorkers();
        return true;
      }
      if (s !== 'SIGQUIT' && s !== 'SIGTERM' && s !== 'SIGINT') return s === 'SIGWINCH' || s === 'SIGUSR1';
      unsub?.();
      resolve(s);
      return true;
    });
    ctx.io.interrupt.addEventListener('abort', () => resolve('SIGKILL'), { once: true });
  });
  stopListening?.();
  if (signal === 'SIGKILL') {
    for (const w of workers) w.exit(137);
    return 137;
  }
  const n = signalNumber(signal) ?? 15;
  err.write(notice(ctx, pid, n === 3 ? `signal ${n} (${signal}) received, shutting down` : `signal ${n} (${signal}) received, exiting`));
  for (const w of workers) {
    if (n === 3) err.write(notice(ctx, w.pid, 'gracefully shutting down'));
    err.write(notice(ctx, w.pid, 'exiting'));
    err.write(notice(ctx, w.pid, 'exit'));
  }
  for (const w of workers) {
    err.write(notice(ctx, pid, `signal 17 (SIGCHLD) received from ${w.pid}`));
    err.write(notice(ctx, pid, `worker process ${w.pid} exited with code 0`));
    w.exit(0);
  }
  err.write(notice(ctx, pid, 'exit'));
  try {
    ctx.fs.unlink(pidFile);
  } catch {
    // already gone
  }
  return 0;
}
