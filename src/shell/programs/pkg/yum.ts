/**
 * yum on the CentOS images (the CentOS 7 output): install [-y], remove,
 * clean, makecache, over src/shell/runtime/packages/centos.ts.
 */
import type { Program, ProgramContext } from '../../interpreter/types';
import { CENTOS_PACKAGES, CENTOS_PREINSTALLED } from '../../runtime/packages/centos';
import { type PackageDef, packageNamed, resolveInstall } from '../../runtime/packages/types';
import { ask, installFiles, isInstalled, isRoot, removeFiles } from './common';

const RULE = `${'='.repeat(80)}\n`;

/** yum's sizes: "547 k", "2.0 M" (powers of 1024) */
function yumSize(bytes: number): string {
  if (bytes < 1024 * 1000) return `${Math.round(bytes / 1024)} k`;
  return `${(bytes / 1048576).toFixed(1)} M`;
}

function header(ctx: ProgramContext): void {
  ctx.io.stdout.write('Loaded plugins: fastestmirror, ovl\n');
}

function mirrors(ctx: ProgramContext): void {
  ctx.io.stdout.write('Determining fastest mirrors\n * base: mirror.centos.org\n * extras: mirror.centos.org\n * updates: mirror.centos.org\n');
}

function table(order: PackageDef[], names: string[]): string {
  const row = (p: PackageDef) => ` ${p.name.padEnd(15)} ${p.arch.padEnd(16)} ${p.version.padEnd(25)} ${p.repo.padEnd(10)} ${yumSize(p.download).padStart(8)}\n`;
  let out = `\nDependencies Resolved\n\n${RULE} Package          Arch             Version                   Repository      Size\n${RULE}`;
  const main = order.filter((p) => names.includes(p.name));
  const deps = order.filter((p) => !names.includes(p.name));
  out += `Installing:\n${main.map(row).join('')}`;
  if (deps.length) out += `Installing for dependencies:\n${deps.map(row).join('')}`;
  out += `\nTransaction Summary\n${RULE}Install  ${main.length} Package${deps.length ? ` (+${deps.length} Dependent package${deps.length > 1 ? 's' : ''})` : main.length > 1 ? 's' : ''}\n\n`;
  return out;
}

async function install(ctx: ProgramContext, names: string[], yes: boolean): Promise<number> {
  const out = (s: string) => ctx.io.stdout.write(s);
  header(ctx);
  mirrors(ctx);
  for (const n of names) {
    const pre = (Object.hasOwn(CENTOS_PREINSTALLED, n) ? CENTOS_PREINSTALLED[n] : undefined);
    if (pre) out(`Package ${n}-${pre}.x86_64 already installed and latest version\n`);
  }
  const wanted = names.filter((n) => !(Object.hasOwn(CENTOS_PREINSTALLED, n) ? CENTOS_PREINSTALLED[n] : undefined));
  const { order, missing } = resolveInstall(CENTOS_PACKAGES, wanted, (p) => isInstalled(ctx.fs, p));
  for (const m of missing) out(`No package ${m} available.\n`);
  for (const n of wanted) {
    const p = packageNamed(CENTOS_PACKAGES, n);
    if (p && !order.includes(p)) out(`Package ${p.name}-${p.version}.${p.arch} already installed and latest version\n`);
  }
  if (order.length === 0) {
    if (missing.length) ctx.io.stderr.write('Error: Nothing to do\n');
    else out('Nothing to do\n');
    return missing.length ? 1 : 0;
  }
  out('Resolving Dependencies\n--> Running transaction check\n');
  for (const p of order) out(`---> Package ${p.name}.${p.arch} 0:${p.version} will be installed\n`);
  out('--> Finished Dependency Resolution\n');
  out(table(order, wanted));
  const download = order.reduce((n, p) => n + p.download, 0);
  const size = order.reduce((n, p) => n + p.installed, 0);
  out(`Total download size: ${yumSize(download)}\nInstalled size: ${yumSize(size)}\n`);
  if (!yes) {
    const answer = await ask(ctx, 'Is this ok [y/d/N]: ');
    if (answer === undefined || !/^y(es)?$/i.test(answer)) {
      out('Exiting on user command\n');
      return 1;
    }
  }
  out('Downloading packages:\n');
  await ctx.clock.sleep(Math.max(1000, Math.ceil(download / 8_000_000) * 1000), ctx.io.interrupt);
  out('Running transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n');
  const n = order.length;
  const step = (verb: string, p: PackageDef, i: number) => {
    const left = `  ${verb} : ${p.name}-${p.version}.${p.arch}`;
    const right = `${i}/${n} `;
    return `${left.padEnd(80 - right.length)}${right}\n`;
  };
  order.forEach((p, i) => {
    installFiles(ctx.fs, p);
    out(step('Installing', p, i + 1));
  });
  order.forEach((p, i) => {
    out(step('Verifying ', p, i + 1));
  });
  const main = order.filter((p) => wanted.includes(p.name));
  const deps = order.filter((p) => !wanted.includes(p.name));
  out(`\nInstalled:\n  ${main.map((p) => `${p.name}.${p.arch} 0:${p.version}`).join('  ')}\n\n`);
  if (deps.length) out(`Dependency Installed:\n  ${deps.map((p) => `${p.name}.${p.arch} 0:${p.version}`).join('  ')}\n\n`);
  out('Complete!\n');
  return 0;
}

export const yum: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const yes = args.some((a) => a === '-y' || a === '--assumeyes');
  const [cmd, ...names] = args.filter((a) => !a.startsWith('-'));
  if (!cmd) {
    ctx.io.stdout.write('Loaded plugins: fastestmirror, ovl\nYou need to give some command\nUsage: yum [options] COMMAND\n\nList of Commands:\n\ninstall        Install a package or packages on your system\nremove         Remove a package or packages from your system\nclean          Remove cached data\nmakecache      Generate the metadata cache\n');
    return 1;
  }
  if (!isRoot(ctx)) {
    ctx.io.stdout.write('Loaded plugins: fastestmirror, ovl\nYou need to be root to perform this command.\n');
    return 1;
  }
  switch (cmd) {
    case 'install':
      return install(ctx, names, yes);
    case 'remove':
    case 'erase': {
      header(ctx);
      const gone = names.map((n) => packageNamed(CENTOS_PACKAGES, n)).filter((p): p is PackageDef => p !== undefined && isInstalled(ctx.fs, p));
      if (!gone.length) {
        ctx.io.stdout.write(`No Match for argument: ${names.join(' ')}\nNo Packages marked for removal\n`);
        return 0;
      }
      for (const p of gone) removeFiles(ctx.fs, p);
      ctx.io.stdout.write(`\nRemoved:\n  ${gone.map((p) => `${p.name}.${p.arch} 0:${p.version}`).join('  ')}\n\nComplete!\n`);
      return 0;
    }
    case 'clean':
      header(ctx);
      ctx.io.stdout.write('Cleaning repos: base extras updates\nCleaning up list of fastest mirrors\n');
      return 0;
    case 'makecache':
    case 'update':
      header(ctx);
      mirrors(ctx);
      ctx.io.stdout.write(cmd === 'update' ? 'No packages marked for update\n' : 'Metadata Cache Created\n');
      return 0;
    default:
      header(ctx);
      ctx.io.stderr.write(`No such command: ${cmd}. Please use /usr/bin/yum --help\n`);
      return 1;
  }
};
