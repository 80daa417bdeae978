/**
 * docker exec / docker container exec [-d] [-i] [-t] [-e] [-u] [-w] CONTAINER
 * COMMAND [ARG...] (docker/cli container/exec.go): inspect first (so an
 * unknown container is "Error: No such container: x"), create the exec,
 * stream it, and return its exit code.
 */
import type { ExecConfig } from '../../../api/container';
import type { ProcessIO } from '../../../api/io';
import { type CommandSpec, StatusError } from '../../framework/command';
import { reportError } from '../../framework/errors';
import { envList, OptionsError } from './container-options';
import { checkTty, rawTerminal } from './run-support';

const nullIo = (io: ProcessIO): ProcessIO => ({
  stdin: { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => new Uint8Array() },
  stdout: { isTTY: false, write: () => {} },
  stderr: { isTTY: false, write: () => {} },
  interrupt: io.interrupt,
});

export const containerExecCommand: CommandSpec = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Run a command in a running container',
  args: { kind: 'min', n: 2 },
  stopAtFirstArg: true,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { name: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { name: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  async run(ctx, flags, args) {
    const [container = '', ...cmd] = args;
    const detach = flags.bool('detach');
    let env: string[];
    try {
      env = envList(ctx, flags.list('env-file'), flags.list('env'));
    } catch (err) {
      if (err instanceof OptionsError) throw reportError('exec', err.message);
      throw err;
    }
    const config: ExecConfig = {
      User: flags.string('user'),
      Privileged: flags.bool('privileged'),
      Tty: flags.bool('tty'),
      AttachStdin: !detach && flags.bool('interactive'),
      AttachStdout: !detach,
      AttachStderr: !detach,
      Detach: detach,
      DetachKeys: flags.string('detach-keys'),
      Env: env,
      WorkingDir: flags.string('workdir'),
      Cmd: cmd,
    };
    const client = ctx.client;
    await client.containerInspect(container);
    if (!detach) checkTty(ctx.io, config.AttachStdin ?? false, config.Tty ?? false);
    const { Id } = await client.containerExecCreate(container, config);
    if (detach) {
      void client.containerExecStart(Id, nullIo(ctx.io)).catch(() => {});
      return;
    }
    const restore = rawTerminal(ctx.io, (config.Tty ?? false) && (config.AttachStdin ?? false));
    let detached = false;
    try {
      detached = (await client.containerExecStart(Id, ctx.io, ctx.io.interrupt)).detached;
    } finally {
      restore();
    }
    if (detached) return;
    if (ctx.io.interrupt.aborted) throw new StatusError(130);
    const { ExitCode } = await client.containerExecInspect(Id);
    if (ExitCode !== null && ExitCode !== 0) throw new StatusError(ExitCode);
  },
};

/** docker exec */
export const execCommand: CommandSpec = { ...containerExecCommand };
