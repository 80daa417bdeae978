/** The shell's builtin commands (run inside the shell process, may change its state). */
import type { Program } from '../interpreter/types';
import { echoOutput } from '../programs/echo';
import { printf } from '../programs/printf';
import { makeTest } from '../programs/test';
import { cd } from './cd';
import { breakBuiltin, continueBuiltin, evalBuiltin, exec, exit, returnBuiltin, source } from './control';
import { bg, fg, jobs, kill, trap, wait } from './jobs';
import { help, history, makeCommand, makeType } from './info';
import type { Builtin } from './types';
import { exportBuiltin, local, read, set, shift, unset } from './vars';

const SUCCESS = Promise.resolve(0);
const FAILURE = Promise.resolve(1);

function fromProgram(p: Program): Builtin {
  return (sh, argv, io, interp) => p(interp.context(sh, argv, io));
}

const table: Record<string, Builtin> = {
  cd,
  pwd: async (sh, _argv, io) => {
    io.stdout.write(`${sh.cwd}\n`);
    return 0;
  },
  // what the echo program does, without a program context (a loop echoes every round); an
  // async function's result, without its promise and frame: a settled promise, shared
  echo: (sh, argv, io) => {
    try {
      io.stdout.write(echoOutput(argv, sh.flavor === 'dash'));
    } catch (e) {
      return Promise.reject(e);
    }
    return SUCCESS;
  },
  printf: fromProgram(printf),
  test: fromProgram(makeTest(false)),
  '[': fromProgram(makeTest(true)),
  // `while true` runs it every round: a settled promise, shared (as `async () => 0` settles)
  true: () => SUCCESS,
  false: () => FAILURE,
  ':': () => SUCCESS,
  export: exportBuiltin,
  unset,
  set,
  shift,
  local,
  read,
  exit,
  return: returnBuiltin,
  break: breakBuiltin,
  continue: continueBuiltin,
  eval: evalBuiltin,
  source,
  '.': source,
  exec,
  wait,
  jobs,
  fg,
  bg,
  trap,
  kill,
  history,
  help,
  alias: async (sh, argv, io) => {
    const args = argv.slice(1);
    if (args.length === 0) for (const [k, v] of sh.aliases) io.stdout.write(`alias ${k}='${v}'\n`);
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else if (sh.aliases.has(a)) io.stdout.write(`alias ${a}='${sh.aliases.get(a)}'\n`);
      else {
        io.stderr.write(`${sh.errPrefix()}alias: ${a}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  unalias: async (sh, argv) => {
    for (const a of argv.slice(1)) sh.aliases.delete(a);
    return 0;
  },
};

export const BUILTIN_NAMES = new Set([...Object.keys(table), 'type', 'command']);
table.type = makeType(BUILTIN_NAMES);
table.command = makeCommand(BUILTIN_NAMES);

export const BUILTINS: Readonly<Record<string, Builtin>> = table;
export type { Builtin };
