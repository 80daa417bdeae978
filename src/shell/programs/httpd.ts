/**
 * busybox httpd: static files from -h DIR on -p [IP:]PORT, index.html for
 * directories, no request log. Without -f it daemonizes: a child process keeps
 * serving and the command returns at once. It has no signal handlers of its
 * own (SIGTERM ends it; as PID 1 it ignores everything but SIGKILL).
 */
import type { HttpRequest, HttpResponse } from '../../api/net';
import type { Program, ProgramContext } from '../interpreter/types';
import { joinPath, normalizePath } from '../vfs/path';
import { abs, encode } from './util';

const NOT_FOUND = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

const MIME: [RegExp, string][] = [
  [/\.html?$/, 'text/html'],
  [/\.css$/, 'text/css'],
  [/\.js$/, 'application/javascript'],
  [/\.json$/, 'application/json'],
  [/\.png$/, 'image/png'],
  [/\.jpe?g$/, 'image/jpeg'],
  [/\.gif$/, 'image/gif'],
  [/\.svg$/, 'image/svg+xml'],
  [/\.txt$/, 'text/plain'],
];

export function mimeType(path: string): string {
  return MIME.find(([re]) => re.test(path))?.[1] ?? 'application/octet-stream';
}

/** busybox httpd's answer for a request under `root` */
export function staticHandler(ctx: Pick<ProgramContext, 'fs' | 'clock'>, root: string): (req: HttpRequest) => Promise<HttpResponse> {
  return async (req): Promise<HttpResponse> => {
    const date = new Date(ctx.clock.now()).toUTCString();
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(req.path.split('?')[0]);
    } catch {
      urlPath = req.path.split('?')[0];
    }
    let path = joinPath(root, normalizePath(urlPath).slice(1));
    try {
      if (ctx.fs.stat(path).type === 'dir') path = joinPath(path, 'index.html');
      const st = ctx.fs.stat(path);
      if (st.type !== 'file') throw new Error('not a file');
      const body = req.method === 'HEAD' ? new Uint8Array(0) : ctx.fs.readFile(path);
      return {
        status: 200,
        statusText: 'OK',
        headers: {
          'Content-Type': mimeType(path),
          Date: date,
          Connection: 'close',
          'Accept-Ranges': 'bytes',
          'Last-Modified': new Date(st.mtime).toUTCString(),
          ETag: `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`,
          'Content-Length': String(st.size),
        },
        body,
      };
    } catch {
      return { status: 404, statusText: 'Not Found', headers: { Date: date, Connection: 'close', 'Content-type': 'text/html' }, body: encode(NOT_FOUND) };
    }
  };
}

interface HttpdOpts {
  foreground: boolean;
  port: number;
  home: string;
}

function parse(args: string[]): HttpdOpts | string {
  const o: HttpdOpts = { foreground: false, port: 80, home: '.' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') return a;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if ('pchurRmeidP'.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return a;
        if (c === 'p') {
          const port = Number(v.slice(v.lastIndexOf(':') + 1));
          if (!Number.isInteger(port) || port <= 0 || port > 65535) return v;
          o.port = port;
        } else if (c === 'h') o.home = v;
        break;
      }
      if (c === 'f') o.foreground = true;
      else if (c !== 'v' && c !== 'i') return a;
    }
  }
  return o;
}

function usage(ctx: ProgramContext): number {
  ctx.io.stderr.write(
    'BusyBox v1.36.1 (Debian 1:1.36.1-9) multi-call binary.\n\nUsage: httpd [-ifv[v]] [-c CONFFILE] [-p [IP:]PORT] [-u USER[:GRP]] [-r REALM] [-h HOME]\nor httpd -d/-e/-m STRING\n\nListen for incoming HTTP requests\n',
  );
  return 1;
}

/** serve until the process is killed */
function serve(ctx: ProgramContext, o: HttpdOpts, killed: AbortSignal): Promise<number> {
  const stop = ctx.net?.container?.listen(o.port, staticHandler(ctx, abs(ctx, o.home)));
  return new Promise<number>((resolve) => {
    const done = () => {
      stop?.();
      resolve(0);
    };
    if (killed.aborted) done();
    else killed.addEventListener('abort', done, { once: true });
  });
}

export const httpd: Program = async (ctx) => {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') return usage(ctx);
  if (o.foreground || !ctx.proc) return serve(ctx, o, ctx.io.interrupt);
  // daemonize: the server goes on in a child; this process ends at once
  const child = ctx.proc.fork([...ctx.argv]);
  serve(ctx, o, child.killed).then((s) => child.exit(s));
  return 0;
};
