/**
 * A command placed in the tree: its spec, its cobra CommandPath and its parent.
 * Names, aliases, lookup and listing follow cobra (commands sorted by name,
 * a management command is one with subcommands).
 */
import type { CommandSpec } from './command';
import { FlagSet } from './flags';

export interface CommandNode {
  readonly spec: CommandSpec;
  /** cobra CommandPath: "docker image ls" (canonical names, never the alias typed) */
  readonly path: string;
  readonly parent?: CommandNode;
  readonly flagSet: FlagSet;
}

/** cobra Name(): the first word of Use */
export function commandName(spec: CommandSpec): string {
  const i = spec.use.indexOf(' ');
  return i < 0 ? spec.use : spec.use.slice(0, i);
}

export function makeNode(spec: CommandSpec, parent?: CommandNode): CommandNode {
  const name = commandName(spec);
  return { spec, path: parent ? `${parent.path} ${name}` : name, parent, flagSet: new FlagSet(spec.flags ?? []) };
}

/** cobra findNext: a subcommand by name or alias */
export function findSubcommand(spec: CommandSpec, word: string): CommandSpec | undefined {
  return spec.subcommands?.find((c) => commandName(c) === word || (c.aliases ?? []).includes(word));
}

export function hasSubcommands(spec: CommandSpec): boolean {
  return (spec.subcommands?.length ?? 0) > 0;
}

/** Specs standing for docker commands this sandbox does not implement (listed in help, refused when run). */
const unsupportedSpecs = new WeakMap<CommandSpec, { management: boolean }>();

/** Declares `spec` a docker command the sandbox refuses; `management` lists it under "Management Commands". */
export function markUnsupported(spec: CommandSpec, management: boolean): CommandSpec {
  unsupportedSpecs.set(spec, { management });
  return spec;
}

export function isUnsupported(spec: CommandSpec): boolean {
  return unsupportedSpecs.has(spec);
}

/** cobra IsAvailableCommand: not hidden, and runnable or with available subcommands */
export function isAvailable(spec: CommandSpec): boolean {
  if (spec.hidden) return false;
  return isUnsupported(spec) || spec.run !== undefined || (spec.subcommands ?? []).some(isAvailable);
}

/** cobra Commands(): sorted by name */
export function sortedSubcommands(spec: CommandSpec): CommandSpec[] {
  return [...(spec.subcommands ?? [])].sort((a, b) => {
    const x = commandName(a);
    const y = commandName(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** a management command in listings: one with subcommands (or an unsupported one declared so) */
export function isManagement(spec: CommandSpec): boolean {
  return hasSubcommands(spec) || unsupportedSpecs.get(spec)?.management === true;
}
