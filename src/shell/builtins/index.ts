/** The shell's builtin commands (run inside the shell process, may change its state). */
import type { Program } from '../interpreter/types';
import { makeEcho } from '../programs/echo';
import { printf } from '../programs/printf';
import { makeTest } from '../programs/test';
import { cd } from './cd';
import { breakBuiltin, continueBuiltin, evalBuiltin, exec, exit, returnBuiltin, source, trap, wait } from './control';
import { help, history, makeCommand, makeType } from './info';
import type { Builtin } from './types';
import { exportBuiltin, local, read, set, shift, unset } from './vars';

function fromProgram(p: Program): Builtin {
  return (sh, argv, io, interp) => p(interp.context(sh, argv, io));
}

const echoPlain = makeEcho(false);
const echoDash = makeEcho(true);

const table: Record<string, Builtin> = {
  cd,
  pwd: async (sh, _argv, io) => {
    io.stdout.write(`${sh.cwd}\n`);
    return 0;
  },
  echo: (sh, argv, io, interp) => (sh.flavor === 'dash' ? echoDash : echoPlain)(interp.context(sh, argv, io)),
  printf: fromProgram(printf),
  test: fromProgram(makeTest(false)),
  '[': fromProgram(makeTest(true)),
  true: async () => 0,
  false: async () => 1,
  ':': async () => 0,
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
  trap,
  history,
  help,
};

export const BUILTIN_NAMES = new Set([...Object.keys(table), 'type', 'command']);
table.type = makeType(BUILTIN_NAMES);
table.command = makeCommand(BUILTIN_NAMES);

export const BUILTINS: Readonly<Record<string, Builtin>> = table;
export type { Builtin };
