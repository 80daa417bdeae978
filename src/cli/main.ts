/**
 * The docker CLI's entry point: global options, dispatch, and the only place
 * that turns errors into output and an exit status (docker's main.go):
 * StatusError → its message (if any) and status; CliError → message, status;
 * ClientError → message, 1; anything else → "Error: <message>", 1.
 */
import { ClientError, DaemonError } from '../api/errors';
import { allCommands } from './commands';
import { DEFAULT_DOCKER_HOST, LOG_LEVELS } from './commands/root/global-flags';
import { buildRootCommand } from './commands/root/root-command';
import type { CommandContext, CommandSpec } from './framework/command';
import { CliError, StatusError } from './framework/command';
import { type BaseContext, executeNode, flagError, helpOptionsFor } from './framework/execute';
import { FlagError, parseFlags } from './framework/flags';
import { makeNode } from './framework/tree';

/** docker's config directory: $DOCKER_CONFIG or ~/.docker */
export function defaultConfigDir(env: Record<string, string>): string {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  return `${env.HOME || '/root'}/.docker`;
}

/** fmt.Fprintln: the text and one newline, whatever the text ends with */
function writeLine(stream: { write(s: string): void }, text: string): void {
  stream.write(text + '\n');
}

/** Runs `docker <argv>`; never throws. */
export async function runDocker(
  argv: string[],
  ctx: Omit<CommandContext, 'commandPath'>,
  commands: readonly CommandSpec[] = allCommands,
): Promise<number> {
  try {
    return await dispatch(argv, ctx, commands);
  } catch (err) {
    return reportError(ctx, err);
  }
}

async function dispatch(argv: string[], ctx: BaseContext, commands: readonly CommandSpec[]): Promise<number> {
  const root = makeNode(buildRootCommand(commands, defaultConfigDir(ctx.env)));
  // HandleGlobalFlags: the global options, up to the first command word
  let globals: ReturnType<typeof parseFlags>;
  try {
    globals = parseFlags(root.flagSet, argv, { interspersed: false });
  } catch (e) {
    if (e instanceof FlagError) {
      const early = makeNode(buildRootCommand(commands, defaultConfigDir(ctx.env), true));
      throw flagError(early, e, helpOptionsFor(ctx, ctx.io.stderr));
    }
    throw e;
  }
  for (const n of globals.notices) ctx.io.stderr.write(n + '\n');
  const flags = globals.flags;

  // DockerCli.Initialize
  const level = flags.string('log-level');
  if (!LOG_LEVELS.includes(level.toLowerCase())) throw new CliError(`Unable to parse logging level: ${level}`, 1);
  const hosts = flags.list('host');
  const contextName = flags.string('context') || ctx.env.DOCKER_CONTEXT || '';
  if (hosts.length > 0 && flags.string('context') !== '') {
    throw new CliError('conflicting options: either specify --host or --context, not both', 1);
  }
  if (contextName !== '' && contextName !== 'default' && hosts.length === 0) {
    throw new CliError(`unable to resolve docker endpoint: context "${contextName}" does not exist`, 1);
  }
  const host = hosts.length > 0 ? hosts[hosts.length - 1]! : ctx.env.DOCKER_HOST || DEFAULT_DOCKER_HOST;
  const configDir = flags.changed.has('config') ? flags.string('config') : defaultConfigDir(ctx.env);
  const full: BaseContext = { ...ctx, configDir };
  if (host !== DEFAULT_DOCKER_HOST && host !== 'unix:///run/docker.sock') {
    full.client = unreachableClient(ctx, host);
  }
  return executeNode(full, root, globals.args, { flags });
}

/** A client for a -H/DOCKER_HOST the sandbox cannot reach: every call fails like docker's. */
function unreachableClient(ctx: BaseContext, host: string): CommandContext['client'] {
  const msg = `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;
  const fail = () => Promise.reject(new ClientError('Unavailable', msg, msg));
  return new Proxy(ctx.client, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? fail : v;
    },
  });
}

function reportError(ctx: BaseContext, err: unknown): number {
  const stderr = ctx.io.stderr;
  if (err instanceof StatusError) {
    if (err.message !== '') writeLine(stderr, err.message);
    return err.status === 0 ? 1 : err.status;
  }
  if (err instanceof CliError) {
    if (err.message !== '') writeLine(stderr, err.message);
    return err.status;
  }
  if (err instanceof ClientError) {
    writeLine(stderr, err.message);
    return 1;
  }
  if (err instanceof DaemonError) {
    writeLine(stderr, `Error response from daemon: ${err.message}`);
    return 1;
  }
  if (err instanceof Error && err.name === 'AbortError') return 130;
  const msg = err instanceof Error ? err.message : String(err);
  writeLine(stderr, `Error: ${msg}`);
  return 1;
}
