/**
 * docker start / docker container start [-a] [-i] CONTAINER...: without -a
 * each container is started and echoed; errors are printed as they happen
 * and summed up as "Error: failed to start containers: a, b". With -a/-i
 * one container is attached and its exit status returned.
 */
import { CliError, type CommandContext, type CommandSpec, type ParsedFlags, StatusError } from '../../framework/command';
import { checkTty, rawTerminal, startErrorStatus, withSignalProxy } from './run-support';

async function startAttached(ctx: CommandContext, flags: ParsedFlags, name: string): Promise<number> {
  const client = ctx.client;
  const c = await client.containerInspect(name);
  const stdin = flags.bool('interactive') && c.Config.OpenStdin;
  checkTty(ctx.io, stdin, c.Config.Tty);
  const cancel = new AbortController();
  const restore = rawTerminal(ctx.io, c.Config.Tty && stdin);
  try {
    const attached = client.containerAttach(
      c.Id,
      { stream: true, stdin, stdout: true, stderr: true, detachKeys: flags.string('detach-keys') },
      ctx.io,
      cancel.signal,
    );
    const waited = client.containerWait(c.Id, c.HostConfig.AutoRemove ? 'removed' : 'next-exit', cancel.signal);
    waited.catch(() => {});
    if (!c.State.Running) {
      try {
        await client.containerStart(c.Id);
      } catch (err) {
        cancel.abort();
        throw new StatusError(startErrorStatus(err instanceof Error ? err.message : String(err)), err instanceof Error ? err.message : String(err));
      }
    }
    return await withSignalProxy(ctx.io, !c.Config.Tty, (sig) => client.containerKill(c.Id, sig), async () => {
      const r = await attached;
      if (r.detached) {
        cancel.abort();
        return 0;
      }
      return (await waited).StatusCode;
    });
  } finally {
    restore();
  }
}

export const containerStartCommand: CommandSpec = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: { kind: 'min', n: 1 },
  flags: [
    { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', hidden: true },
    { name: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', hidden: true },
    { name: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'interactive', short: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  async run(ctx, flags, args) {
    if (flags.bool('attach') || flags.bool('interactive')) {
      if (args.length > 1) throw new CliError('you cannot start and attach multiple containers at once');
      const status = await startAttached(ctx, flags, args[0] as string);
      if (status !== 0) throw new StatusError(status);
      return;
    }
    const failed: string[] = [];
    for (const name of args) {
      try {
        await ctx.client.containerStart(name);
        ctx.io.stdout.write(`${name}\n`);
      } catch (err) {
        ctx.io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        failed.push(name);
      }
    }
    if (failed.length > 0) throw new CliError(`Error: failed to start containers: ${failed.join(', ')}`);
  },
};

/** docker start */
export const startCommand: CommandSpec = { ...containerStartCommand };
