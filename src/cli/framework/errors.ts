/**
 * Error helpers commands use to fail the way docker does. Only main.ts turns
 * them into output and an exit status (CliError: message + status,
 * StatusError: status, message when non-empty).
 */
import type { CommandContext } from './command';
import { CliError, StatusError } from './command';

/**
 * cobra's FlagErrorFunc text for a leaf command: "<msg>\nSee 'docker ps --help'."
 * with exit status 125 — for flag-value problems a command detects itself.
 */
export function usageError(ctx: Pick<CommandContext, 'commandPath'>, msg: string): StatusError {
  return new StatusError(125, `${msg}\nSee '${ctx.commandPath} --help'.`);
}

/**
 * docker run/create's reportError: "docker: <msg>." (one trailing period) and,
 * with `withHelp`, "See 'docker <name> --help'." — `name` is the verb ("run",
 * "create"), also for `docker container run`. Default status 125.
 */
export function reportError(name: string, msg: string, withHelp = true, status = 125): StatusError {
  let text = `docker: ${msg.replace(/\.$/, '')}.`;
  if (withHelp) text += `\nSee 'docker ${name} --help'.`;
  return new StatusError(status, text);
}

/** Whether the learner's environment asks for Chinese messages (LC_ALL/LC_MESSAGES/LANG zh*, as the shell decides). */
export function prefersChinese(env: Record<string, string>): boolean {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v);
}

/**
 * The sandbox's refusal for a docker feature it does not simulate (exit 1).
 * `what` is the command or option as the user would name it: "docker swarm",
 * "--runtime".
 */
export function unsupportedError(ctx: Pick<CommandContext, 'env'>, what: string): CliError {
  const text = prefersChinese(ctx.env)
    ? `docker: Dockyard 沙盒不支持 ${what}。`
    : `docker: ${what} is not supported in the Dockyard sandbox.`;
  return new CliError(text, 1);
}
