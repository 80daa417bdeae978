/** cd [-|dir]: bash / dash / busybox error texts */
import { FsError } from '../../api/fs';
import { AccessFs } from '../vfs/access-fs';
import { resolvePath } from '../vfs/path';
import type { Builtin } from './types';

export const cd: Builtin = async (sh, argv, io) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
  if (args.length > 1 && sh.flavor === 'bash') {
    io.stderr.write(`${sh.errPrefix()}cd: too many arguments\n`);
    return 1;
  }
  let target: string = args[0] ?? '';
  if (target === '') {
    const home = sh.get('HOME');
    if (home === undefined) {
      io.stderr.write(`${sh.errPrefix()}cd: HOME not set\n`);
      return 1;
    }
    target = home;
  }
  let print = false;
  if (target === '-') {
    const old = sh.get('OLDPWD');
    if (old === undefined) {
      io.stderr.write(`${sh.errPrefix()}cd: OLDPWD not set\n`);
      return 1;
    }
    target = old;
    print = true;
  }
  const path = resolvePath(sh.cwd, target);
  let error: string | undefined;
  try {
    if (sh.fs.stat(path).type !== 'dir') error = 'Not a directory';
    else if (!AccessFs.allows(sh.fs, path, 1)) error = 'Permission denied';
  } catch (e) {
    error = e instanceof FsError ? e.text : String(e);
  }
  if (error) {
    if (sh.flavor === 'bash') io.stderr.write(`${sh.errPrefix()}cd: ${target}: ${error}\n`);
    else if (sh.flavor === 'dash') io.stderr.write(`${sh.errPrefix()}cd: can't cd to ${target}\n`);
    // busybox ash names the line of a non-interactive shell ("sh -c": line 0) and fails with 2
    else io.stderr.write(`${sh.errPrefix()}cd: ${sh.nonInteractive ? 'line 0: ' : ''}can't cd to ${target}: ${error}\n`);
    return sh.flavor === 'bash' ? 1 : 2;
  }
  sh.setCwd(path);
  if (print) io.stdout.write(`${path}\n`);
  return 0;
};
