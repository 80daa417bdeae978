/**
 * How a docker CLI command is declared: an options type, a definition, a run
 * function (docker/cli's shape). Commands are plain data listed in arrays
 * (src/cli/commands/<object>/index.ts); nothing registers itself on import.
 *
 * The framework (src/cli/framework) parses argv with pflag rules, prints
 * cobra/docker usage and help, maps errors to exit codes. Only src/cli/main.ts
 * turns a result into an exit status.
 */
import type { ProcessIO } from '../../api/io';
import type { FileSystem } from '../../api/fs';
import type { Internet } from '../../api/net';
import type { EngineClient } from '../../client/engine-client';

export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'uint'
  /** repeatable, each occurrence one value: -e A -e B (pflag stringArray) */
  | 'stringArray'
  /** repeatable, comma-separated values accepted too (pflag stringSlice) */
  | 'stringSlice'
  /** repeatable list shown as "list" in help: -p, -v, --filter, --label (docker opts.ListOpts) */
  | 'list'
  /** Go duration ("10s") */
  | 'duration'
  /** docker's "bytes" values (memory) */
  | 'bytes';

export interface FlagSpec {
  /** long name without dashes: "all" */
  name: string;
  /** one-letter shorthand without dash: "a" */
  short?: string;
  type: FlagType;
  usage: string;
  /** default value shown in help the way cobra prints it (string/int flags), e.g. "json-file" */
  default?: string | number | boolean;
  /** the word shown in help after the flag: "string", "list", "int", "filter", "duration" (defaults by type) */
  valueName?: string;
  hidden?: boolean;
  /** flags with this set are hidden too unless experimental — docker annotations, kept for help fidelity */
  deprecated?: string;
  /**
   * Checks one value as docker's opts validators do (ListOpts validator, FilterOpt…);
   * return the error text for a bad value. The parser prints
   * `invalid argument "<v>" for "-x, --xx" flag: <text>` and exits 125.
   */
  validate?: (value: string) => string | undefined;
  /** help text after "(default " verbatim, when the computed one is not what docker prints: "[]", "0" */
  defaultText?: string;
}

export type FlagValue = boolean | string | number | string[];

/** Parsed flag values by long name; missing flags hold their default (false, "", 0, []). */
export interface ParsedFlags {
  readonly values: Record<string, FlagValue>;
  /** which flags the user actually set (pflag Changed) */
  readonly changed: ReadonlySet<string>;
  bool(name: string): boolean;
  string(name: string): string;
  int(name: string): number;
  list(name: string): string[];
  /** a 'duration' flag in milliseconds (Go time.ParseDuration) */
  duration(name: string): number;
}

/** docker/cli cli/required.go: the argument-count rules, with their exact messages. */
export type ArgsRule =
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'any' };

export interface CliConfig {
  /** ~/.docker/config.json auths: registry → base64(user:pass) */
  readonly home: string;
}

export interface CommandContext {
  client: EngineClient;
  io: ProcessIO;
  /** the learner's host filesystem (docker build context, docker cp, load -i, save -o, ~/.docker/config.json) */
  hostFs: FileSystem;
  /** working directory on the host */
  cwd: string;
  env: Record<string, string>;
  /**
   * the command path as cobra names it, e.g. "docker image ls" (also when typed as
   * `docker image list`), for "See 'docker image ls --help'."
   */
  commandPath: string;
  /** docker's config directory (--config, $DOCKER_CONFIG or ~/.docker); set by main */
  configDir?: string;
  /**
   * The session's wall clock (ms since the epoch) for "2 minutes ago" columns. The
   * composition root passes the simulator's clock (or the real one for a real
   * engine); the CLI never reads the machine's time behind the session's back.
   */
  now: () => number;
  /**
   * The learner's app: its Docker Hub makes an account on the first login with a
   * new Docker ID, and `docker login` says so in one line before "Username:".
   */
  hubSignUp?: boolean;
  /** the learner's simulated Internet (git clone for `docker build URL`); absent: an offline machine */
  internet?: Internet;
}

/** Result of run(): an exit status (0 when undefined). Errors are thrown as CliError. */
export type RunResult = number | undefined | void;

export interface CommandSpec {
  /** cobra Use: "ls [OPTIONS] [REPOSITORY[:TAG]]" — the first word is the name */
  use: string;
  aliases?: string[];
  short: string;
  /**
   * cobra Long: shown in help instead of `short` (`docker login`, `docker volume rm`).
   * A text that does not start with `short` is printed after it, separated by a blank line.
   */
  long?: string;
  /** cobra Example: the "Examples:" section of help */
  example?: string;
  args?: ArgsRule;
  flags?: FlagSpec[];
  /** pflag SetInterspersed(false): flags after the first positional belong to it (run, exec, create) */
  stopAtFirstArg?: boolean;
  /** management commands: "image", "container", … */
  subcommands?: CommandSpec[];
  /** docker annotations shown in help ("experimental", "version") — optional */
  hidden?: boolean;
  run?(ctx: CommandContext, flags: ParsedFlags, args: string[]): Promise<RunResult>;
}

/**
 * An error a command returns, with the exit status main() will use.
 * `message` is printed to stderr as is (one trailing newline added).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A container's own exit status passed through (docker run, start -a): no message. */
export class StatusError extends Error {
  constructor(
    readonly status: number,
    message = '',
  ) {
    super(message);
    this.name = 'StatusError';
  }
}
