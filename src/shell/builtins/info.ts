/** history, help, type, command -v */
import { texts } from '../i18n';
import type { Builtin } from './types';

export const history: Builtin = async (sh, argv, io) => {
  if (argv[1] === '-c') {
    sh.history.length = 0;
    sh.historyBase = 0;
    return 0;
  }
  const n = argv[1] !== undefined ? Number(argv[1]) : sh.history.length;
  const start = Math.max(0, sh.history.length - n);
  for (let i = start; i < sh.history.length; i++) io.stdout.write(`${String(sh.historyBase + i + 1).padStart(5)}  ${sh.history[i]}\n`);
  return 0;
};

export const help: Builtin = async (sh, _argv, io) => {
  const t = texts(sh.lang());
  io.stdout.write(`${t.helpIntro}\n\n`);
  for (const line of Object.values(t.builtins)) io.stdout.write(`  ${line}\n`);
  io.stdout.write(`\n${t.helpFooter}\n`);
  return 0;
};

function describe(sh: Parameters<Builtin>[0], name: string, builtins: Set<string>): string | undefined {
  if (sh.functions.has(name)) return `${name} is a function`;
  if (builtins.has(name)) return `${name} is a shell builtin`;
  const r = sh.resolver.resolve(name, sh.env(), sh.cwd);
  return r.kind === 'program' ? `${name} is ${r.path}` : undefined;
}

export function makeType(builtins: Set<string>): Builtin {
  return async (sh, argv, io) => {
    let status = 0;
    for (const name of argv.slice(1)) {
      const d = describe(sh, name, builtins);
      if (d) io.stdout.write(`${d}\n`);
      else {
        io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}type: ${name}: not found\n` : `${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  };
}

export function makeCommand(builtins: Set<string>): Builtin {
  return async (sh, argv, io, interp) => {
    const args = argv.slice(1);
    if (args[0] === '-v' || args[0] === '-V') {
      const verbose = args[0] === '-V';
      let status = 0;
      for (const name of args.slice(1)) {
        if (verbose) {
          const d = describe(sh, name, builtins);
          if (d) io.stdout.write(`${d}\n`);
          else status = 1;
          continue;
        }
        if (sh.functions.has(name) || builtins.has(name)) io.stdout.write(`${name}\n`);
        else {
          const r = sh.resolver.resolve(name, sh.env(), sh.cwd);
          if (r.kind === 'program') io.stdout.write(`${r.path}\n`);
          else status = 1;
        }
      }
      return status;
    }
    if (args.length === 0) return 0;
    const saved = sh.functions;
    sh.functions = new Map();
    try {
      return await interp.invoke(sh, args, [], io);
    } finally {
      sh.functions = saved;
    }
  };
}
