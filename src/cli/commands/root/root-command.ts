/**
 * The `docker` root command: global options, the list of top-level commands
 * (implemented ones from allCommands, the rest of docker 20.10's list refused
 * docker-style), `docker help [command]`, `docker -v`, and what `docker`
 * prints alone or with an unknown command.
 */
import type { CommandSpec } from '../../framework/command';
import { CliError } from '../../framework/command';
import { unsupportedError } from '../../framework/errors';
import { helpOptionsFor, showHelpOnStderr } from '../../framework/execute';
import { helpString } from '../../framework/help';
import { type CommandNode, commandName, findSubcommand, isUnsupported, makeNode, markUnsupported } from '../../framework/tree';
import { ADDED_AT_EXECUTE, ROOT_CATALOG } from './catalog';
import { DOCKER_VERSION_LINE, globalFlags } from './global-flags';

export const ROOT_USE = 'docker [OPTIONS] COMMAND [ARG...]';
export const ROOT_SHORT = 'A self-sufficient runtime for containers';

/** cobra Find from the root: the deepest command named by args, and the words left over */
function findTopic(root: CommandNode, args: string[]): { node: CommandNode; rest: string[] } {
  let node = root;
  let i = 0;
  for (; i < args.length; i++) {
    if (args[i]!.startsWith('-')) continue;
    const sub = findSubcommand(node.spec, args[i]!);
    if (!sub) break;
    node = makeNode(sub, node);
  }
  return { node, rest: args.slice(i).filter((a) => !a.startsWith('-')) };
}

function helpCommand(getRoot: () => CommandNode): CommandSpec {
  return {
    use: 'help [command]',
    short: 'Help about the command',
    hidden: true,
    async run(ctx, _flags, args) {
      const { node, rest } = findTopic(getRoot(), args);
      if (rest.length > 0) throw new CliError(`unknown help topic: ${rest.join(' ')}`, 1);
      if (isUnsupported(node.spec)) throw unsupportedError(ctx, node.path);
      ctx.io.stdout.write(helpString(node, helpOptionsFor(ctx, ctx.io.stdout)));
      return 0;
    },
  };
}

/**
 * The root command over `commands` (the implemented top-level commands).
 * `beforeExecute`: the tree as docker's global-option parser sees it (no
 * `completion` command yet).
 */
export function buildRootCommand(
  commands: readonly CommandSpec[],
  configDir: string,
  beforeExecute = false,
): CommandSpec {
  const byName = new Map(commands.map((c) => [commandName(c), c]));
  const subcommands: CommandSpec[] = [...commands];
  for (const entry of ROOT_CATALOG) {
    if (byName.has(entry.name)) continue;
    if (beforeExecute && ADDED_AT_EXECUTE.has(entry.name)) continue;
    subcommands.push(markUnsupported({ use: entry.name, short: entry.short }, entry.management));
  }
  let rootNode: CommandNode | undefined;
  const root: CommandSpec = {
    use: ROOT_USE,
    short: ROOT_SHORT,
    flags: globalFlags(configDir),
    args: { kind: 'any' },
    subcommands,
    async run(ctx, flags, args) {
      if (flags.bool('version')) {
        ctx.io.stdout.write(DOCKER_VERSION_LINE + '\n');
        return 0;
      }
      if (args.length === 0) return showHelpOnStderr(ctx, makeNode(root));
      throw new CliError(`docker: '${args[0]}' is not a docker command.\nSee 'docker --help'`, 1);
    },
  };
  subcommands.push(
    helpCommand(() => {
      rootNode ??= makeNode(root);
      return rootNode;
    }),
  );
  return root;
}
