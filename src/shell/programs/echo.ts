/** echo [-neE] [arg…] (bash/busybox: no escapes without -e; dash: always) */
import type { Program } from '../interpreter/types';
import { decodeEscapes } from './escapes';

/** what `echo` prints for `argv` (argv[0] is the command name) */
export function echoOutput(argv: readonly string[], escapesByDefault: boolean): string {
  const args = argv.slice(1);
  let newline = true;
  let escapes = escapesByDefault;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
    args.shift();
  }
  let text = args.join(' ');
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
