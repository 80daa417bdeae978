/** export, unset, set, shift, local, read */
import { listOptionCommands, listOptions, optionByLetter, optionByName, turn } from '../interpreter/options';
import type { Builtin } from './types';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoteValue(v: string): string {
  return `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}

export const exportBuiltin: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    const names = [...sh.vars.keys()].filter((k) => sh.isExported(k)).sort();
    for (const k of names) {
      const v = sh.get(k) ?? '';
      io.stdout.write(sh.flavor === 'bash' ? `declare -x ${k}=${quoteValue(v)}\n` : `export ${k}='${v.replace(/'/g, `'"'"'`)}'\n`);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      io.stderr.write(sh.flavor === 'bash' ? `${sh.errPrefix()}export: \`${a}': not a valid identifier\n` : `${sh.errPrefix()}export: ${a}: bad variable name\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) sh.set(name, a.slice(eq + 1), true);
    else sh.export(name);
  }
  return status;
};

export const unset: Builtin = async (sh, argv) => {
  let fns = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') fns = true;
    else if (a === '-v') fns = false;
    else if (fns) sh.functions.delete(a);
    else sh.unset(a);
  }
  return 0;
};

/** `set -q` / `set -o nosuch`: bash's and ash's words; ash ends a non-interactive shell on a bad letter */
function setError(sh: Parameters<Builtin>[0], io: Parameters<Builtin>[2], what: { letter: string } | { name: string }): number {
  if (sh.flavor === 'bash') {
    if ('letter' in what) {
      io.stderr.write(`${sh.errPrefix()}set: ${what.letter}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
      return 2;
    }
    io.stderr.write(`${sh.errPrefix()}set: ${what.name}: invalid option name\n`);
    return 2;
  }
  const prefix = sh.flavor === 'ash' ? `${sh.name}: set: line ${sh.nonInteractive ? 0 : 1}: ` : `${sh.errPrefix()}set: `;
  if ('name' in what) {
    io.stderr.write(`${prefix}${sh.flavor === 'ash' ? 'illegal' : 'Illegal'} option -o ${what.name}\n`);
    return 1;
  }
  io.stderr.write(`${prefix}${sh.flavor === 'ash' ? 'illegal' : 'Illegal'} option ${what.letter}\n`);
  throw sh.fatal();
}

/** set [-+abefmnuvxBCEHPT] [-+o name] [--] [arg…]: options and positional parameters; `set -o` / `set +o` list them */
export const set: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const k of [...sh.vars.keys()].sort()) io.stdout.write(`${k}=${sh.get(k) ?? ''}\n`);
    return 0;
  }
  while (args.length) {
    const a = args[0];
    if (a === '--') {
      args.shift();
      sh.positional = args;
      return 0;
    }
    if (a === '-') {
      // bash: `set -` turns -x and -v off and ends the options
      args.shift();
      sh.xtrace = false;
      sh.verbose = false;
      if (args.length) sh.positional = args;
      return 0;
    }
    if (!/^[-+]./.test(a)) {
      sh.positional = args;
      return 0;
    }
    args.shift();
    const on = a[0] === '-';
    for (const f of a.slice(1)) {
      if (f === 'o') {
        const name = args.shift();
        if (name === undefined) {
          io.stdout.write(on ? listOptions(sh) : listOptionCommands(sh));
          continue;
        }
        const def = optionByName(sh.flavor, name);
        if (!def) return setError(sh, io, { name });
        turn(sh, def, on);
        continue;
      }
      const def = optionByLetter(sh.flavor, f);
      if (!def) return setError(sh, io, { letter: `${a[0]}${f}` });
      turn(sh, def, on);
    }
  }
  return 0;
};

export const shift: Builtin = async (sh, argv, io) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    io.stderr.write(`${sh.errPrefix()}shift: ${argv[1]}: numeric argument required\n`);
    return 1;
  }
  if (n > sh.positional.length) return 1;
  sh.positional = sh.positional.slice(n);
  return 0;
};

export const local: Builtin = async (sh, argv) => {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq >= 0) sh.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.get(a) === undefined) sh.set(a, '');
  }
  return 0;
};

export const read: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1);
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') io.stderr.write(args[++i] ?? '');
    else names.push(args[i]);
  }
  if (names.length === 0) names.push('REPLY');
  let line = await io.stdin.readLine(io.interrupt);
  if (line === null) {
    for (const n of names) sh.set(n, '');
    return 1;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const ifs = sh.get('IFS') ?? ' \t\n';
  const isSep = (c: string) => ifs.includes(c);
  let rest = line;
  const trimStart = (s: string) => {
    let i = 0;
    while (i < s.length && isSep(s[i])) i++;
    return s.slice(i);
  };
  rest = trimStart(rest);
  names.forEach((n, idx) => {
    if (idx === names.length - 1) {
      let end = rest.length;
      while (end > 0 && isSep(rest[end - 1])) end--;
      sh.set(n, rest.slice(0, end));
      return;
    }
    let i = 0;
    while (i < rest.length && !isSep(rest[i])) i++;
    sh.set(n, rest.slice(0, i));
    rest = trimStart(rest.slice(i));
  });
  return 0;
};
