/** exit, return, break, continue, eval, source, exec */
import { FsError, textDecoder } from '../../api/fs';
import { ExitSignal, LoopSignal, ReturnSignal } from '../interpreter/types';
import { resolvePath } from '../vfs/path';
import type { Builtin } from './types';

function statusArg(sh: Parameters<Builtin>[0], io: Parameters<Builtin>[2], cmd: string, a: string | undefined): number | undefined {
  if (a === undefined) return sh.status;
  if (!/^[-+]?\d+$/.test(a)) {
    io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}${cmd}: ${a}: numeric argument required\n` : `${sh.errPrefix()}${cmd}: Illegal number: ${a}\n`);
    return undefined;
  }
  return ((Number(a) % 256) + 256) % 256;
}

export const exit: Builtin = async (sh, argv, io) => {
  const n = statusArg(sh, io, 'exit', argv[1]);
  throw new ExitSignal(n ?? 2);
};

export const returnBuiltin: Builtin = async (sh, argv, io) => {
  const n = statusArg(sh, io, 'return', argv[1]);
  throw new ReturnSignal(n ?? 2);
};

function loop(kind: 'break' | 'continue'): Builtin {
  return async (_sh, argv) => {
    const n = argv[1] === undefined ? 1 : Math.max(1, Number(argv[1]) || 1);
    throw new LoopSignal(kind, n);
  };
}
export const breakBuiltin = loop('break');
export const continueBuiltin = loop('continue');

export const evalBuiltin: Builtin = async (sh, argv, io, interp) => interp.evalString(sh, argv.slice(1).join(' '), io);

export const source: Builtin = async (sh, argv, io, interp) => {
  const file = argv[1];
  if (file === undefined) {
    io.stderr.write(`${sh.errPrefix()}${argv[0]}: filename argument required\n`);
    return 2;
  }
  let text: string;
  try {
    text = textDecoder.decode(sh.fs.readFile(resolvePath(sh.cwd, file)));
  } catch (e) {
    io.stderr.write(`${sh.errPrefix()}${file}: ${e instanceof FsError ? e.text : String(e)}\n`);
    return 1;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  try {
    return await interp.evalString(sh, text, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.positional = saved;
  }
};

export const exec: Builtin = async (sh, argv, io, interp) => {
  const args = argv.slice(1);
  if (args.length === 0) return 0;
  const res = sh.resolver.resolve(args[0], sh.env(), sh.cwd);
  if (res.kind === 'error') {
    io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}exec: ${args[0]}: not found\n` : `${sh.errPrefix()}exec: ${args[0]}: not found\n`);
    throw new ExitSignal(res.status);
  }
  throw new ExitSignal(await interp.execProgram(sh, args, io));
};
