/**
 * apk on the Alpine images: update, add [--no-cache] [--update], del, over
 * src/shell/runtime/packages/alpine.ts. The indexes are fetched when missing
 * (and kept in /var/cache/apk unless --no-cache), the package files land in
 * the layer, /lib/apk/db/installed records them.
 */
import { textDecoder } from '../../../api/fs';
import type { Program, ProgramContext } from '../../interpreter/types';
import { ALPINE_PACKAGES } from '../../runtime/packages/alpine';
import { packageNamed, resolveInstall } from '../../runtime/packages/types';
import { installFiles, isInstalled, isRoot, osRelease, removeFiles } from './common';

const DB = '/lib/apk/db/installed';
const CACHE = '/var/cache/apk';
/** packages and installed KiB of the base image (alpine 3.18: 15 packages, 7 MiB) */
const BASE_PACKAGES = 15;
const BASE_KIB = 7 * 1024;

function branch(ctx: ProgramContext): string {
  const v = osRelease(ctx.fs).versionId.split('.').slice(0, 2).join('.');
  return v ? `v${v}` : 'v3.18';
}

function repositories(ctx: ProgramContext): string[] {
  try {
    const text = textDecoder.decode(ctx.fs.readFile('/etc/apk/repositories'));
    const list = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (list.length) return list;
  } catch {
    // no repositories file: the defaults
  }
  const b = branch(ctx);
  return [`https://dl-cdn.alpinelinux.org/alpine/${b}/main`, `https://dl-cdn.alpinelinux.org/alpine/${b}/community`];
}

function hasIndex(ctx: ProgramContext): boolean {
  try {
    return ctx.fs.readdir(CACHE).some((n) => n.startsWith('APKINDEX.'));
  } catch {
    return false;
  }
}

async function fetchIndexes(ctx: ProgramContext, keep: boolean): Promise<void> {
  const repos = repositories(ctx);
  for (const r of repos) ctx.io.stdout.write(`fetch ${r}/x86_64/APKINDEX.tar.gz\n`);
  await ctx.clock.sleep(1000, ctx.io.interrupt);
  if (!keep) return;
  if (!ctx.fs.exists(CACHE)) ctx.fs.mkdir(CACHE, { recursive: true });
  repos.forEach((r, i) => {
    ctx.fs.writeFile(`${CACHE}/APKINDEX.${(0x1a2b3c4d + i * 0x1111).toString(16)}.tar.gz`, new Uint8Array(r.endsWith('main') ? 2249000 : 1912000));
  });
}

/** recorded packages: the base image's plus those installed here */
function installedState(ctx: ProgramContext): { count: number; kib: number } {
  let text = '';
  try {
    text = textDecoder.decode(ctx.fs.readFile(DB));
  } catch {
    // no database yet
  }
  const added = [...text.matchAll(/^I:(\d+)$/gm)].map((m) => Number(m[1]));
  return { count: BASE_PACKAGES + added.length, kib: BASE_KIB + added.reduce((a, b) => a + b, 0) / 1024 };
}

function ok(ctx: ProgramContext): void {
  const s = installedState(ctx);
  ctx.io.stdout.write(`OK: ${Math.round(s.kib / 1024)} MiB in ${s.count} packages\n`);
}

export const apk: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-'));
  const [cmd, ...names] = args.filter((a) => !a.startsWith('-'));
  const noCache = flags.includes('--no-cache');
  if (!cmd) {
    ctx.io.stdout.write('apk-tools 2.14.0, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n\nPackage installation and removal:\n  add        Add packages to WORLD and commit changes\n  del        Remove packages from WORLD and commit changes\n\nSystem maintenance:\n  update     Update repository indexes\n');
    return 1;
  }
  if (!isRoot(ctx) && cmd !== 'info' && cmd !== 'search') {
    ctx.io.stderr.write('ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n');
    return 99;
  }
  switch (cmd) {
    case 'update': {
      await fetchIndexes(ctx, true);
      const b = branch(ctx);
      ctx.io.stdout.write(`${b}.4-80-g0c7b0b3e3a [https://dl-cdn.alpinelinux.org/alpine/${b}/main]\n${b}.4-81-g9ee6cf2f9d [https://dl-cdn.alpinelinux.org/alpine/${b}/community]\nOK: 20071 distinct packages available\n`);
      return 0;
    }
    case 'add': {
      if (noCache || flags.includes('--update') || flags.includes('-U') || !hasIndex(ctx)) await fetchIndexes(ctx, !noCache);
      const { order, missing } = resolveInstall(ALPINE_PACKAGES, names, (p) => isInstalled(ctx.fs, p));
      if (missing.length) {
        ctx.io.stderr.write(`ERROR: unable to select packages:\n${missing.map((m) => `  ${m} (no such package):\n    required by: world[${m}]\n`).join('')}`);
        return 1;
      }
      order.forEach((p, i) => {
        ctx.io.stdout.write(`(${i + 1}/${order.length}) Installing ${p.name} (${p.version})\n`);
        installFiles(ctx.fs, p);
        try {
          ctx.fs.appendFile(DB, `C:Q1${p.name}=\nP:${p.name}\nV:${p.version}\nA:x86_64\nS:${p.download}\nI:${p.installed}\nT:${p.summary}\n\n`);
        } catch {
          // no database directory: files are in place all the same
        }
      });
      if (order.some((p) => p.files.some((f) => /\/s?bin\//.test(f.path)))) ctx.io.stdout.write('Executing busybox-1.36.1-r5.trigger\n');
      const ca = order.find((p) => p.name === 'ca-certificates');
      if (ca) ctx.io.stdout.write(`Executing ca-certificates-${ca.version}.trigger\n`);
      ok(ctx);
      return 0;
    }
    case 'del': {
      const gone = names.map((n) => packageNamed(ALPINE_PACKAGES, n)).filter((p): p is NonNullable<typeof p> => p !== undefined && isInstalled(ctx.fs, p));
      for (const n of names) {
        const p = packageNamed(ALPINE_PACKAGES, n);
        if (!p || !isInstalled(ctx.fs, p)) ctx.io.stderr.write(`WARNING: opening ${n}: No such file or directory\n`);
      }
      gone.forEach((p, i) => {
        ctx.io.stdout.write(`(${i + 1}/${gone.length}) Purging ${p.name} (${p.version})\n`);
        removeFiles(ctx.fs, p);
      });
      ok(ctx);
      return 0;
    }
    default:
      ctx.io.stderr.write(`apk: applet not found\n`);
      return 1;
  }
};
