/**
 * docker run / docker container run (docker/cli container/run.go): create
 * (pulling a missing image), attach, start, then wait for the container and
 * return its exit status. `-d` prints the 64-hex ID instead.
 */
import type { AttachResult } from '../../../api/container';
import { CliError, type CommandContext, type CommandSpec, type ParsedFlags, StatusError } from '../../framework/command';
import { reportError, unsupportedError } from '../../framework/errors';
import { cliNow } from '../../framework/now';
import { OptionsError, parseContainerOptions } from './container-options';
import { createWithPull } from './create-container';
import { CONTAINER_FLAGS, RUN_ONLY_FLAGS } from './run-flags';
import { checkTty, rawTerminal, startErrorStatus, waitCanceledLine, withSignalProxy } from './run-support';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** options docker accepts that the sandbox cannot honour: refused like the daemon would */
export function refuseUnsupported(ctx: CommandContext, name: string, flags: ParsedFlags): void {
  if (flags.string('gpus') !== '') {
    throw reportError(name, 'Error response from daemon: could not select device driver "" with capabilities: [[gpu]]', false);
  }
  const runtime = flags.string('runtime');
  if (runtime !== '' && runtime !== 'runc') throw reportError(name, `Error response from daemon: Unknown runtime specified ${runtime}`, false);
  const platform = flags.string('platform');
  if (platform !== '' && platform !== 'linux' && platform !== 'linux/amd64') throw unsupportedError(ctx, `--platform ${platform}`);
}

async function runContainer(ctx: CommandContext, flags: ParsedFlags, args: string[]): Promise<number | undefined> {
  let opts: ReturnType<typeof parseContainerOptions>;
  try {
    opts = parseContainerOptions(ctx, flags, args);
  } catch (err) {
    if (err instanceof OptionsError) throw reportError('run', err.message);
    throw err;
  }
  refuseUnsupported(ctx, 'run', flags);
  const cfg = opts.config;
  const detach = flags.bool('detach');
  if (detach) {
    if (flags.list('attach').length > 0) throw new CliError('Conflicting options: -a and -d');
    cfg.AttachStdin = false;
    cfg.AttachStdout = false;
    cfg.AttachStderr = false;
    cfg.StdinOnce = false;
  } else {
    checkTty(ctx.io, cfg.AttachStdin ?? false, cfg.Tty ?? false);
  }
  let id: string;
  try {
    id = (await createWithPull(ctx, opts)).Id;
  } catch (err) {
    throw reportError('run', message(err), true, startErrorStatus(message(err)));
  }
  const client = ctx.client;
  if (!cfg.AttachStdout && !cfg.AttachStderr) ctx.io.stdout.write(`${id}\n`);
  const attach = (cfg.AttachStdin || cfg.AttachStdout || cfg.AttachStderr) ?? false;
  const cancel = new AbortController();
  const restore = rawTerminal(ctx.io, attach && (cfg.Tty ?? false) && (cfg.AttachStdin ?? false));
  try {
    let attached: Promise<AttachResult> | undefined;
    if (attach) {
      attached = client.containerAttach(
        id,
        { stream: true, stdin: cfg.AttachStdin, stdout: cfg.AttachStdout, stderr: cfg.AttachStderr, detachKeys: flags.string('detach-keys') },
        ctx.io,
        cancel.signal,
      );
    }
    const waited = detach ? undefined : client.containerWait(id, opts.hostConfig.AutoRemove ? 'removed' : 'next-exit', cancel.signal);
    waited?.catch(() => {});
    try {
      await client.containerStart(id);
    } catch (err) {
      cancel.abort();
      await attached?.catch(() => undefined);
      let text = `docker: ${message(err).replace(/\.$/, '')}.\n`;
      if (attach && !opts.hostConfig.AutoRemove) text += waitCanceledLine(ctx.io.stderr.isTTY, cliNow(ctx));
      throw new StatusError(startErrorStatus(message(err)), text.replace(/\n$/, ''));
    }
    if (detach) return undefined;
    return await withSignalProxy(
      ctx.io,
      flags.bool('sig-proxy') && !cfg.Tty,
      (sig) => client.containerKill(id, sig),
      async () => {
        if (attached) {
          const r = await attached;
          if (r.detached) {
            cancel.abort();
            return undefined;
          }
        }
        const { StatusCode } = await (waited as NonNullable<typeof waited>);
        return StatusCode === 0 ? undefined : StatusCode;
      },
    );
  } finally {
    restore();
  }
}

export const containerRunCommand: CommandSpec = {
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Run a command in a new container',
  args: { kind: 'min', n: 1 },
  flags: [...CONTAINER_FLAGS, ...RUN_ONLY_FLAGS],
  stopAtFirstArg: true,
  async run(ctx, flags, args) {
    const status = await runContainer(ctx, flags, args);
    if (status !== undefined) throw new StatusError(status);
  },
};

/** docker run */
export const runCommand: CommandSpec = { ...containerRunCommand };
