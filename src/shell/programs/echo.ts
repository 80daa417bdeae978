/** echo [-neE] [arg…] (bash/busybox: no escapes without -e; dash: always) */
import type { Program } from '../interpreter/types';
import { decodeEscapes } from './escapes';

export function makeEcho(escapesByDefault: boolean): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
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
    ctx.io.stdout.write(newline ? `${text}\n` : text);
    return 0;
  };
}

export const echo: Program = makeEcho(false);
