/**
 * Shell options: `set -e`, `set -o pipefail`, `set -o` listings, `$-`, and the
 * options a shell is started with (`bash -euo pipefail -c CMD`, `sh -ec CMD`,
 * a Dockerfile's `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`), as bash,
 * busybox ash and dash name, list and report them.
 *
 * errexit, nounset, xtrace, pipefail, noglob, noclobber, verbose and allexport
 * change what the shell does; the others are remembered for `set -o` only
 * (hashall, braceexpand, monitor, history … describe things the shell does anyway).
 */
import type { Flavor, ShellState } from './state';

/** the options with an effect, by their field on ShellState */
type Field = 'errexit' | 'nounset' | 'xtrace' | 'pipefail' | 'noglob' | 'noclobber' | 'verbose' | 'allexport';

interface OptionDef {
  name: string;
  letter?: string;
  field?: Field;
}

const BASH_OPTIONS: readonly OptionDef[] = [
  { name: 'allexport', letter: 'a', field: 'allexport' },
  { name: 'braceexpand', letter: 'B' },
  { name: 'emacs' },
  { name: 'errexit', letter: 'e', field: 'errexit' },
  { name: 'errtrace', letter: 'E' },
  { name: 'functrace', letter: 'T' },
  { name: 'hashall', letter: 'h' },
  { name: 'histexpand', letter: 'H' },
  { name: 'history' },
  { name: 'ignoreeof' },
  { name: 'interactive-comments' },
  { name: 'keyword', letter: 'k' },
  { name: 'monitor', letter: 'm' },
  { name: 'noclobber', letter: 'C', field: 'noclobber' },
  { name: 'noexec', letter: 'n' },
  { name: 'noglob', letter: 'f', field: 'noglob' },
  { name: 'nolog' },
  { name: 'notify', letter: 'b' },
  { name: 'nounset', letter: 'u', field: 'nounset' },
  { name: 'onecmd', letter: 't' },
  { name: 'physical', letter: 'P' },
  { name: 'pipefail', field: 'pipefail' },
  { name: 'posix' },
  { name: 'privileged', letter: 'p' },
  { name: 'verbose', letter: 'v', field: 'verbose' },
  { name: 'vi' },
  { name: 'xtrace', letter: 'x', field: 'xtrace' },
];

/** busybox ash, in the order `set -o` lists them */
const ASH_OPTIONS: readonly OptionDef[] = [
  { name: 'errexit', letter: 'e', field: 'errexit' },
  { name: 'noglob', letter: 'f', field: 'noglob' },
  { name: 'ignoreeof', letter: 'I' },
  { name: 'monitor', letter: 'm' },
  { name: 'noexec', letter: 'n' },
  { name: 'xtrace', letter: 'x', field: 'xtrace' },
  { name: 'verbose', letter: 'v', field: 'verbose' },
  { name: 'noclobber', letter: 'C', field: 'noclobber' },
  { name: 'allexport', letter: 'a', field: 'allexport' },
  { name: 'notify', letter: 'b' },
  { name: 'nounset', letter: 'u', field: 'nounset' },
  { name: 'errtrace', letter: 'E' },
  { name: 'vi' },
  { name: 'pipefail', field: 'pipefail' },
];

/** dash, in the order `set -o` lists them (no pipefail) */
const DASH_OPTIONS: readonly OptionDef[] = [
  { name: 'errexit', letter: 'e', field: 'errexit' },
  { name: 'noglob', letter: 'f', field: 'noglob' },
  { name: 'ignoreeof', letter: 'I' },
  { name: 'interactive', letter: 'i' },
  { name: 'monitor', letter: 'm' },
  { name: 'noexec', letter: 'n' },
  { name: 'stdin', letter: 's' },
  { name: 'xtrace', letter: 'x', field: 'xtrace' },
  { name: 'verbose', letter: 'v', field: 'verbose' },
  { name: 'vi', letter: 'V' },
  { name: 'emacs', letter: 'E' },
  { name: 'noclobber', letter: 'C', field: 'noclobber' },
  { name: 'allexport', letter: 'a', field: 'allexport' },
  { name: 'notify', letter: 'b' },
  { name: 'nounset', letter: 'u', field: 'nounset' },
  { name: 'privileged', letter: 'p' },
  { name: 'nolog' },
  { name: 'debug' },
];

export function optionsOf(flavor: Flavor): readonly OptionDef[] {
  return flavor === 'bash' ? BASH_OPTIONS : flavor === 'ash' ? ASH_OPTIONS : DASH_OPTIONS;
}

/** options on from the start that change nothing here (bash: hashall, braceexpand …) */
export function defaultOptions(flavor: Flavor, interactive: boolean): string[] {
  if (flavor !== 'bash') return interactive ? ['monitor'] : [];
  const base = ['braceexpand', 'hashall', 'interactive-comments'];
  return interactive ? [...base, 'emacs', 'histexpand', 'history', 'monitor'] : base;
}

export function optionByLetter(flavor: Flavor, letter: string): OptionDef | undefined {
  return optionsOf(flavor).find((o) => o.letter === letter);
}

export function optionByName(flavor: Flavor, name: string): OptionDef | undefined {
  return optionsOf(flavor).find((o) => o.name === name);
}

export function isOn(sh: ShellState, o: OptionDef): boolean {
  return o.field ? sh[o.field] : sh.otherOptions.has(o.name);
}

export function turn(sh: ShellState, o: OptionDef, on: boolean): void {
  if (o.field) sh[o.field] = on;
  else if (on) sh.otherOptions.add(o.name);
  else sh.otherOptions.delete(o.name);
}

/** `set -o`: every option with on/off */
export function listOptions(sh: ShellState): string {
  const defs = optionsOf(sh.flavor);
  const rows = defs.map((o) => {
    const v = isOn(sh, o) ? 'on' : 'off';
    if (sh.flavor === 'bash') return `${o.name.padEnd(15)}\t${v}\n`;
    return `${o.name.padEnd(16)}${v}\n`;
  });
  return (sh.flavor === 'dash' ? 'Current option settings\n' : '') + rows.join('');
}

/** `set +o`: the commands that would set every option as it is */
export function listOptionCommands(sh: ShellState): string {
  return optionsOf(sh.flavor)
    .map((o) => `set ${isOn(sh, o) ? '-' : '+'}o ${o.name}\n`)
    .join('');
}

/** bash's `$-` order; ash and dash build theirs from the end of their table */
const BASH_LETTERS = 'abefhikmnptuvxBCEHPT';
const ASH_LETTERS = 'efIimnscxvVECabu';
const DASH_LETTERS = 'efIimnsxvVECabup';

/** `$-`: the letters of the options that are on, plus i (interactive), c (-c), s (stdin) */
export function optionLetters(sh: ShellState): string {
  const on = new Set<string>();
  for (const o of optionsOf(sh.flavor)) if (o.letter && isOn(sh, o)) on.add(o.letter);
  if (sh.interactive) on.add('i');
  if (sh.commandString) on.add('c');
  else if (sh.interactive || sh.readsStdin) on.add('s');
  if (sh.flavor === 'bash') {
    let out = '';
    for (const c of BASH_LETTERS) if (on.has(c)) out += c;
    if (on.has('c')) out += 'c';
    if (on.has('s')) out += 's';
    return out;
  }
  const order = sh.flavor === 'ash' ? ASH_LETTERS : DASH_LETTERS;
  let out = '';
  for (let i = order.length - 1; i >= 0; i--) if (on.has(order[i])) out += order[i];
  return out;
}

/** bash's usage text for a bad option to `bash` itself */
function bashUsage(name: string): string {
  return [
    `Usage:\t${name} [GNU long option] [option] ...`,
    `\t${name} [GNU long option] [option] script-file ...`,
    'GNU long options:',
    ...['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'].map((o) => `\t--${o}`),
    'Shell options:',
    '\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)',
    '\t-abefhkmnptuvxBCEHPT or -o option',
    '',
  ].join('\n');
}

/** how a shell was started: `bash -euo pipefail -c CMD NAME ARGS…`, `sh -s`, `sh script.sh ARGS…` */
export interface ShellInvocation {
  /** -c: the command string */
  command?: string;
  /** -s: read commands from stdin even with operands */
  stdin: boolean;
  /** -i */
  interactive: boolean;
  /** options turned on (true) or off (false), by name */
  options: Map<string, boolean>;
  /** what follows the options: $0 and the positional parameters with -c, else the script and its arguments */
  operands: string[];
}

/** parse a shell's command line; a string is the error (status 2) to print */
export function parseInvocation(flavor: Flavor, argv0: string, args: string[]): ShellInvocation | { error: string } {
  const inv: ShellInvocation = { stdin: false, interactive: false, options: new Map(), operands: [] };
  const name = argv0.slice(argv0.lastIndexOf('/') + 1) || argv0;
  let wantsCommand = false;
  let i = 0;
  const badOption = (opt: string) => ({
    error:
      flavor === 'bash'
        ? `${argv0}: ${opt}: invalid option\n${bashUsage(argv0)}`
        : flavor === 'ash'
          ? `${name}: illegal option ${opt}\n`
          : `${name}: 0: Illegal option ${opt}\n`,
  });
  const badName = (opt: string) => ({
    error:
      flavor === 'bash'
        ? `${argv0}: ${argv0}: ${opt}: invalid option name\n`
        : flavor === 'ash'
          ? `${name}: illegal option -o ${opt}\n`
          : `${name}: 0: Illegal option -o ${opt}\n`,
  });
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (flavor === 'bash' && a.startsWith('--')) {
      // GNU long options: only these change nothing we model
      if (['--norc', '--noprofile', '--login', '--posix', '--noediting', '--restricted'].includes(a)) continue;
      if (a === '--rcfile' || a === '--init-file') {
        i++;
        continue;
      }
      return { error: `${argv0}: ${a}: invalid option\n${bashUsage(argv0)}` };
    }
    if (!/^[-+]./.test(a)) break;
    const on = a[0] === '-';
    for (let k = 1; k < a.length; k++) {
      const c = a[k];
      if (c === 'c' && on) wantsCommand = true;
      else if (c === 's' && on) inv.stdin = true;
      else if (c === 'i' && on) inv.interactive = true;
      else if (c === 'l' && flavor === 'bash') continue;
      else if (c === 'O' && flavor === 'bash') i++;
      else if (c === 'o') {
        const optName = args[++i];
        if (optName === undefined) {
          if (flavor === 'bash') return { error: `${argv0}: -o: option requires an argument\n` };
          return { error: flavor === 'ash' ? `${name}: -o requires an argument\n` : `${name}: 0: -o requires an argument\n` };
        }
        const def = optionByName(flavor, optName);
        if (!def) return badName(optName);
        inv.options.set(def.name, on);
      } else {
        const def = optionByLetter(flavor, c);
        if (!def) return badOption(`${a[0]}${c}`);
        inv.options.set(def.name, on);
      }
    }
  }
  inv.operands = args.slice(i);
  if (wantsCommand) {
    const command = inv.operands.shift();
    if (command === undefined) {
      if (flavor === 'bash') return { error: `${argv0}: -c: option requires an argument\n` };
      return { error: flavor === 'ash' ? `${name}: -c requires an argument\n` : `${name}: 0: -c requires an argument\n` };
    }
    inv.command = command;
  }
  return inv;
}
