/**
 * docker 20.10's cobra usage/help templates (cli/cobra.go usageTemplate and
 * helpTemplate), rendered without a template engine. Help is "\n" + usage.
 */
import type { CommandSpec } from './command';
import { flagUsagesWrapped } from './flag-usages';
import { type CommandNode, commandName, hasSubcommands, isAvailable, isManagement, sortedSubcommands } from './tree';

/** the root command's "additionalHelp" annotation */
export const ADDITIONAL_HELP = 'To get more help with docker, check out our guides at https://docs.docker.com/go/guides/';

export interface HelpOptions {
  /** FlagUsagesWrapped width: terminal width - 1, or 79 when stdin is not a terminal */
  cols: number;
  /** the additional help line is bold (ESC[1m … ESC[0m) when the output is a terminal */
  boldAdditional: boolean;
}

const MIN_NAME_PADDING = 11;

/** cobra UseLine (flags never appended: docker sets DisableFlagsInUseLine) */
export function commandUseLine(node: CommandNode): string {
  return node.parent ? `${node.parent.path} ${node.spec.use}` : node.spec.use;
}

/** The description help shows: cobra Long (trimmed) if set, else Short. */
function description(spec: CommandSpec): string {
  const long = spec.long?.trim() ?? '';
  if (long === '') return spec.short.trim();
  if (long.startsWith(spec.short.trim())) return long;
  return `${spec.short.trim()}\n\n${long}`;
}

function rpad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** cobra NamePadding for the children of `spec` (all of them count, hidden ones too) */
function namePadding(spec: CommandSpec, isRoot: boolean): number {
  // the root also holds cobra's "help" command (4 letters, below the minimum anyway)
  let max = isRoot ? 4 : 0;
  for (const c of spec.subcommands ?? []) max = Math.max(max, commandName(c).length);
  return Math.max(MIN_NAME_PADDING, max);
}

/** cobra UsageString() with docker's usage template. */
export function usageString(node: CommandNode, opts: HelpOptions): string {
  const spec = node.spec;
  const sub = hasSubcommands(spec);
  const flags = node.flagSet.visible();
  let out = 'Usage:';
  if (!sub) out += `  ${commandUseLine(node)}`;
  else out += `  ${node.path}${flags.length > 0 ? ' [OPTIONS]' : ''} COMMAND`;
  out += `\n\n${description(spec)}`;
  if (spec.aliases && spec.aliases.length > 0) {
    out += `\n\nAliases:\n  ${[commandName(spec), ...spec.aliases].join(', ')}`;
  }
  if (spec.example) out += `\n\nExamples:\n${spec.example}`;
  if (flags.length > 0) out += `\n\nOptions:\n${flagUsagesWrapped(flags, opts.cols).trimEnd()}`;
  const children = sortedSubcommands(spec).filter(isAvailable);
  const pad = namePadding(spec, !node.parent);
  const management = children.filter(isManagement);
  if (management.length > 0) {
    out += '\n\nManagement Commands:';
    for (const c of management) out += `\n  ${rpad(`${commandName(c)} `, pad + 1)}${c.short}`;
  }
  const operations = children.filter((c) => !isManagement(c));
  if (operations.length > 0) {
    out += '\n\nCommands:';
    for (const c of operations) out += `\n  ${rpad(commandName(c), pad)} ${c.short}`;
  }
  if (sub) out += `\n\nRun '${node.path} COMMAND --help' for more information on a command.`;
  if (!node.parent) {
    out += `\n\n${opts.boldAdditional ? `\x1b[1m${ADDITIONAL_HELP}\x1b[0m` : ADDITIONAL_HELP}`;
  }
  return out + '\n';
}

/** cobra's help output: helpTemplate = "\n" + UsageString */
export function helpString(node: CommandNode, opts: HelpOptions): string {
  return `\n${usageString(node, opts)}`;
}
