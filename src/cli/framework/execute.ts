/**
 * Runs a command tree the way cobra (v1.1, TraverseChildren) does for docker:
 * walk down management commands by name/alias (flags before a subcommand
 * name belong to the parent), parse the chosen command's flags, show help,
 * check the argument count, run. Returns the exit status or throws CliError /
 * StatusError (main.ts prints them).
 */
import type { OutputStream } from '../../api/io';
import { checkArgs } from './args';
import type { CommandContext, CommandSpec } from './command';
import { CliError, StatusError } from './command';
import { unsupportedError } from './errors';
import { FlagError, type FlagState, parseFlags } from './flags';
import { type HelpOptions, helpString, usageString } from './help';
import { type CommandNode, findSubcommand, hasSubcommands, isUnsupported, makeNode } from './tree';
import { endsOnInterrupt, untilInterrupted } from './interrupt';

export type BaseContext = Omit<CommandContext, 'commandPath'>;

/**
 * Help layout for a stream: docker wraps flag usages at the width of the
 * terminal on stdin, minus one (79 without a terminal). The additional-help
 * line is never bold in practice: docker checks whether cobra's writer is an
 * *os.File, and it is a stream wrapper (checked on a real terminal).
 */
export function helpOptionsFor(ctx: BaseContext, _out: OutputStream): HelpOptions {
  const width = ctx.io.stdin.isTTY ? (ctx.io.stdout.columns ?? ctx.io.stderr.columns ?? 80) : 80;
  return { cols: width - 1, boldAdditional: false };
}

/** cobra's FlagErrorFunc (docker's): message + "See '<path> --help'." (+ usage for management commands), exit 125 */
export function flagError(node: CommandNode, err: Error, help: HelpOptions): StatusError {
  const usage = hasSubcommands(node.spec) ? `\n\n${usageString(node, help)}` : '';
  return new StatusError(125, `${err.message}\nSee '${node.path} --help'.${usage}`);
}

/** docker's ShowHelp: help written to stderr (a management command run without subcommand) */
export function showHelpOnStderr(ctx: BaseContext, node: CommandNode): number {
  ctx.io.stderr.write(helpString(node, helpOptionsFor(ctx, ctx.io.stderr)));
  return 0;
}

/** cobra isFlagArg (sic: `x-y` counts too, as in cobra) */
function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg[1] === '-') || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

export interface ExecuteState {
  /** --help was given on an ancestor (cobra's persistent help flag) */
  help?: boolean;
  /** flag values already parsed for this node (the root's global flags) */
  flags?: FlagState;
}

/**
 * cobra Traverse: returns the index of the subcommand word in argv and its
 * spec, or undefined when argv does not name one.
 */
function traverse(node: CommandNode, argv: readonly string[]): { index: number; sub: CommandSpec } | undefined {
  if (!hasSubcommands(node.spec)) return undefined;
  let inFlag = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = !node.flagSet.takesNoValue(arg.slice(2));
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !node.flagSet.shortTakesNoValue(arg[1]!)) {
      inFlag = true;
      continue;
    }
    if (inFlag) {
      inFlag = false;
      continue;
    }
    if (isFlagArg(arg)) continue;
    const sub = findSubcommand(node.spec, arg);
    return sub ? { index: i, sub } : undefined;
  }
  return undefined;
}

export async function executeNode(
  ctx: BaseContext,
  node: CommandNode,
  argv: readonly string[],
  state: ExecuteState = {},
): Promise<number> {
  const spec = node.spec;
  if (isUnsupported(spec)) throw unsupportedError(ctx, node.path);
  const stdoutHelp = helpOptionsFor(ctx, ctx.io.stdout);
  const stderrHelp = helpOptionsFor(ctx, ctx.io.stderr);

  const found = traverse(node, argv);
  if (found) {
    let help = state.help ?? false;
    try {
      const before = parseFlags(node.flagSet, argv.slice(0, found.index), { interspersed: true }, state.flags);
      for (const n of before.notices) ctx.io.stdout.write(n + '\n');
      help ||= before.flags.bool('help');
    } catch (e) {
      // cobra returns a Traverse parse error as is: printed, exit 1
      if (e instanceof FlagError) throw new CliError(e.message, 1);
      throw e;
    }
    return executeNode(ctx, makeNode(found.sub, node), argv.slice(found.index + 1), { help });
  }

  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(node.flagSet, argv, { interspersed: !spec.stopAtFirstArg }, state.flags);
  } catch (e) {
    if (e instanceof FlagError) throw flagError(node, e, stderrHelp);
    throw e;
  }
  for (const n of parsed.notices) ctx.io.stdout.write(n + '\n');
  if (state.help || parsed.flags.bool('help')) {
    ctx.io.stdout.write(helpString(node, stdoutHelp));
    return 0;
  }

  if (!spec.run) {
    // a management command: no arguments allowed, help on stderr
    checkArgs(node, { kind: 'none' }, parsed.args.length, stderrHelp);
    return showHelpOnStderr(ctx, node);
  }
  checkArgs(node, spec.args ?? { kind: 'any' }, parsed.args.length, stderrHelp);
  const running = spec.run({ ...ctx, commandPath: node.path }, parsed.flags, parsed.args);
  const result = await untilInterrupted(running, ctx.io, !endsOnInterrupt(node.path));
  return typeof result === 'number' ? result : 0;
}
