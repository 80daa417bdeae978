/**
 * Binaries of the images that are not shell scripts: hello-world's /hello and
 * the registry. (The stand-in images' nginx, redis-server and mongod are shell
 * scripts and run as written; the learner catalog's real binaries are in
 * nginx.ts and servers.ts.)
 */
import type { Program, ProgramContext } from '../../interpreter/types';
import { texts } from '../../i18n';

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
export function untilSignal(ctx: ProgramContext, signals: string[]): Promise<string> {
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

/** `registry serve CONFIG`: the distribution API on :5000 over /var/lib/registry; Go exits 2 on SIGTERM/SIGINT */
export const registry: Program = async (ctx) => {
  const [cmd] = ctx.argv.slice(1);
  if (cmd !== 'serve') {
    ctx.io.stderr.write(texts(ctx.lang).unsupported(`${ctx.argv[0]} ${cmd ?? ''}`.trim()));
    return 1;
  }
  const stop = ctx.net?.container?.serveRegistry(5000, '/var/lib/registry');
  await untilSignal(ctx, ['SIGTERM', 'SIGINT']);
  stop?.();
  return 2;
};
