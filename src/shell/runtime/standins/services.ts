/**
 * Stand-ins for the programs of the stand-in images (see shared/fidelity/images):
 * hello-world's /hello, nginx (busybox httpd on :80), redis-server, mongod and
 * the registry. They print what the stand-in scripts print and keep running
 * until a signal they handle arrives.
 */
import { textDecoder } from '../../../api/fs';
import type { HttpRequest, HttpResponse } from '../../../api/net';
import type { Program, ProgramContext } from '../../interpreter/types';
import { strftime } from '../../programs/misc';
import { encode } from '../../programs/util';
import { joinPath, normalizePath } from '../../vfs/path';

export const HELLO_MESSAGE = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

export const hello: Program = async (ctx) => {
  ctx.io.stdout.write(HELLO_MESSAGE);
  return 0;
};

/**
 * Wait until one of `signals` arrives (resolves with the signal) or the
 * caller's interrupt aborts. Other signals are left to the runtime's default.
 */
function untilSignal(ctx: ProgramContext, signals: string[]): Promise<string> {
  return new Promise((resolve) => {
    const unsub = ctx.onSignal?.((s) => {
      if (!signals.includes(s)) return false;
      unsub?.();
      resolve(s);
      return true;
    });
    ctx.io.interrupt.addEventListener('abort', () => {
      unsub?.();
      resolve('SIGINT');
    });
  });
}

const NOT_FOUND = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

function mimeType(path: string): string {
  if (/\.html?$/.test(path)) return 'text/html';
  if (/\.css$/.test(path)) return 'text/css';
  if (/\.js$/.test(path)) return 'application/javascript';
  if (/\.json$/.test(path)) return 'application/json';
  if (/\.png$/.test(path)) return 'image/png';
  if (/\.txt$/.test(path)) return 'text/plain';
  return 'application/octet-stream';
}

/** busybox httpd -f -h ROOT: static files, index.html for directories */
export function staticHandler(ctx: ProgramContext, root: string): (req: HttpRequest) => Promise<HttpResponse> {
  return async (req): Promise<HttpResponse> => {
    const date = new Date(ctx.clock.now()).toUTCString();
    const urlPath = decodeURIComponent(req.path.split('?')[0]);
    let path = joinPath(root, normalizePath(urlPath).slice(1));
    try {
      if (ctx.fs.stat(path).type === 'dir') path = joinPath(path, 'index.html');
      const st = ctx.fs.stat(path);
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

/** the nginx stand-in: serves /usr/share/nginx/html on :80, quits at once on SIGQUIT/SIGTERM/SIGINT */
export const nginx: Program = async (ctx) => {
  const stop = ctx.net?.container?.listen(80, staticHandler(ctx, '/usr/share/nginx/html'));
  await untilSignal(ctx, ['SIGQUIT', 'SIGTERM', 'SIGINT']);
  stop?.();
  return 0;
};

function readText(ctx: ProgramContext, path: string): string {
  try {
    return textDecoder.decode(ctx.fs.readFile(path)).trim();
  } catch {
    return '';
  }
}

export const redisServer: Program = async (ctx) => {
  const when = () => strftime('%d %b %Y %H:%M:%S.000', ctx.clock.now());
  ctx.io.stdout.write(`1:C ${when()} # redis-server stand-in, version=${ctx.env.REDIS_VERSION ?? ''}\n`);
  ctx.io.stdout.write(`1:M ${when()} * Ready to accept connections tcp\n`);
  await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  ctx.io.stdout.write('1:signal-handler Received SIGTERM scheduling shutdown...\n');
  return 0;
};

export const mongod: Program = async (ctx) => {
  const when = () => strftime('%Y-%m-%dT%H:%M:%S.000+0000', ctx.clock.now());
  ctx.io.stdout.write(`${when()} I CONTROL  [initandlisten] mongod stand-in db version v${readText(ctx, '/etc/mongo-version')}\n`);
  ctx.io.stdout.write(`${when()} I NETWORK  [thread1] waiting for connections on port 27017\n`);
  await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  return 0;
};

/** `registry serve CONFIG`: the distribution API on :5000 over /var/lib/registry; Go exits 2 on SIGTERM/SIGINT */
export const registry: Program = async (ctx) => {
  const [cmd] = ctx.argv.slice(1);
  if (cmd !== 'serve') {
    ctx.io.stderr.write(`${ctx.argv[0]}: this command is not available in the Dockyard simulator\n`);
    return 1;
  }
  const stop = ctx.net?.container?.serveRegistry(5000, '/var/lib/registry');
  await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  stop?.();
  return 2;
};
