/**
 * install (GNU coreutils): copy files and set their mode (default 0755):
 * `install [-m MODE] SRC DEST`, `install SRC... DIR`, `install -d DIR...`.
 * Contents are copied as they are kept (lazy ones stay lazy).
 */
import { readContent } from '../../api/fs';
import type { Program } from '../interpreter/types';
import { abs, errText } from './util';

export const install: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let mode = 0o755;
  let dirs = false;
  const paths: string[] = [];
  const err = (s: string) => ctx.io.stderr.write(`install: ${s}\n`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-m' || a === '--mode') {
      const v = args[++i] ?? '';
      if (!/^[0-7]{1,4}$/.test(v)) {
        err(`invalid mode '${v}'`);
        return 1;
      }
      mode = Number.parseInt(v, 8);
    } else if (a.startsWith('--mode=')) mode = Number.parseInt(a.slice(7), 8);
    else if (a === '-d' || a === '--directory') dirs = true;
    else if (a === '-o' || a === '-g' || a === '--owner' || a === '--group') i++;
    else if (/^-[csvpD]+$/.test(a)) continue;
    else paths.push(a);
  }
  if (dirs) {
    for (const d of paths) ctx.fs.mkdir(abs(ctx, d), { recursive: true });
    return 0;
  }
  if (paths.length === 0) {
    err("missing file operand\nTry 'install --help' for more information.");
    return 1;
  }
  if (paths.length === 1) {
    err(`missing destination file operand after '${paths[0]}'\nTry 'install --help' for more information.`);
    return 1;
  }
  const dest = abs(ctx, paths[paths.length - 1] as string);
  const sources = paths.slice(0, -1);
  let isDir = false;
  try {
    isDir = ctx.fs.stat(dest).type === 'dir';
  } catch {
    // a new file
  }
  if (sources.length > 1 && !isDir) {
    err(`target '${paths[paths.length - 1]}' is not a directory`);
    return 1;
  }
  let status = 0;
  for (const s of sources) {
    const target = isDir ? `${dest}/${s.slice(s.lastIndexOf('/') + 1)}` : dest;
    let content: ReturnType<typeof readContent>;
    try {
      content = readContent(ctx.fs, abs(ctx, s));
    } catch (e) {
      err(`cannot stat '${s}': ${errText(e)}`);
      status = 1;
      continue;
    }
    try {
      if (ctx.fs.exists(target)) ctx.fs.unlink(target);
      ctx.fs.writeFile(target, content, mode);
      ctx.fs.chmod(target, mode);
    } catch (e) {
      err(`cannot create regular file '${target}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
};
