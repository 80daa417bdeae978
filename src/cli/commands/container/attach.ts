/**
 * docker attach / docker container attach [--no-stdin] [--detach-keys]
 * CONTAINER: stream a running container; the detach keys end it with
 * "read escape sequence" (exit 1), otherwise the container's exit code.
 */
import { CliError, type CommandSpec, StatusError } from '../../framework/command';
import { checkTty, rawTerminal, withSignalProxy } from './run-support';

export const containerAttachCommand: CommandSpec = {
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy all received signals to the process', default: true },
  ],
  async run(ctx, flags, args) {
    const client = ctx.client;
    const c = await client.containerInspect(args[0] as string);
    if (!c.State.Running) throw new CliError('You cannot attach to a stopped container, start it first');
    if (c.State.Paused) throw new CliError('You cannot attach to a paused container, unpause it first');
    if (c.State.Restarting) throw new CliError('You cannot attach to a restarting container, wait until it is running');
    const stdin = !flags.bool('no-stdin');
    checkTty(ctx.io, stdin, c.Config.Tty);
    const cancel = new AbortController();
    const waited = client.containerWait(c.Id, 'not-running', cancel.signal);
    waited.catch(() => {});
    const restore = rawTerminal(ctx.io, c.Config.Tty && stdin && c.Config.OpenStdin);
    let status = 0;
    try {
      status = await withSignalProxy(ctx.io, flags.bool('sig-proxy') && !c.Config.Tty, (sig) => client.containerKill(c.Id, sig), async () => {
        const r = await client.containerAttach(
          c.Id,
          { stream: true, stdin: stdin && c.Config.OpenStdin, stdout: true, stderr: true, detachKeys: flags.string('detach-keys') },
          ctx.io,
        );
        if (r.detached) {
          cancel.abort();
          throw new CliError('read escape sequence');
        }
        return (await waited).StatusCode;
      });
    } finally {
      restore();
    }
    if (status !== 0) throw new StatusError(status);
  },
};

/** docker attach */
export const attachCommand: CommandSpec = { ...containerAttachCommand };
