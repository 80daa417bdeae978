/**
 * docker/cli cli/required.go: argument-count rules and their exact messages.
 * These errors exit with status 1 (plain errors in docker's main), unlike flag
 * errors (125).
 */
import type { ArgsRule } from './command';
import { CliError } from './command';
import { type HelpOptions, usageString, commandUseLine } from './help';
import { type CommandNode, hasSubcommands } from './tree';

function pluralize(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}

function tail(node: CommandNode): string {
  return `\nSee '${node.path} --help'.\n\nUsage:  ${commandUseLine(node)}\n\n${node.spec.short}`;
}

/** The rule's error text for `count` arguments, or undefined when they are fine. */
export function argsErrorText(node: CommandNode, rule: ArgsRule, count: number, help: HelpOptions): string | undefined {
  const q = JSON.stringify(node.path);
  switch (rule.kind) {
    case 'any':
      return undefined;
    case 'none':
      if (count === 0) return undefined;
      if (hasSubcommands(node.spec)) return `\n${usageString(node, help).replace(/\n+$/, '')}`;
      return `${q} accepts no arguments.${tail(node)}`;
    case 'exact':
      if (count === rule.n) return undefined;
      return `${q} requires exactly ${rule.n} ${pluralize('argument', rule.n)}.${tail(node)}`;
    case 'min':
      if (count >= rule.n) return undefined;
      return `${q} requires at least ${rule.n} ${pluralize('argument', rule.n)}.${tail(node)}`;
    case 'max':
      if (count <= rule.n) return undefined;
      return `${q} requires at most ${rule.n} ${pluralize('argument', rule.n)}.${tail(node)}`;
    case 'range':
      if (count >= rule.min && count <= rule.max) return undefined;
      return `${q} requires at least ${rule.min} and at most ${rule.max} ${pluralize('argument', rule.max)}.${tail(node)}`;
  }
}

/** Throws the rule's CliError (status 1) when `count` arguments break it. */
export function checkArgs(node: CommandNode, rule: ArgsRule, count: number, help: HelpOptions): void {
  const text = argsErrorText(node, rule, count, help);
  if (text !== undefined) throw new CliError(text, 1);
}
