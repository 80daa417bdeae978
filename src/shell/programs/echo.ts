/** echo [-neE] [arg…] (bash/busybox: no escapes without -e; dash: always) */
import type { Program } from '../interpreter/types';
import { decodeEscapes } from './escapes';

/** echo's options word (a literal in the loop would be a new RegExp per call) */
const OPTIONS = /^-[neE]+$/;

/** what `echo` prints for `argv` (argv[0] is the command name) */
export function echoOutput(argv: readonly string[], escapesByDefault: boolean): string {
  // an index into argv, not a copy of it (a loop echoes every round)
  let i = 1;
  let newline = true;
  let escapes = escapesByDefault;
  while (i < argv.length && OPTIONS.test(argv[i])) {
    for (const f of argv[i].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
    i++;
  }
  let text = i === argv.length - 1 ? argv[i] : argv.slice(i).join(' ');
  if (escapes) {
    const d = decodeEscapes(text, 'echo');
    text = d.text;
    if (d.stop) newline = false;
  }
  return newline ? `${text}\n` : text;
}

export function makeEcho(escapesByDefault: boolean): Program {
  return async (ctx) => {
    ctx.io.stdout.write(echoOutput(ctx.argv, escapesByDefault));
    return 0;
  };
}

export const echo: Program = makeEcho(false);
