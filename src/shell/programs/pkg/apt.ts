/**
 * apt-get / apt on the Ubuntu and Debian images: update (downloads the
 * package lists, which stay in the layer), install [-y], remove/purge,
 * upgrade, clean — in apt's words, over the index of
 * src/shell/runtime/packages/debian.ts. Installing writes the package's files,
 * so the layer grows and installed programs run.
 */
import { textDecoder } from '../../../api/fs';
import type { Program, ProgramContext } from '../../interpreter/types';
import { DEBIAN_PACKAGES, UBUNTU_PACKAGES } from '../../runtime/packages/debian';
import { STRETCH_PACKAGES } from '../../runtime/packages/debian-stretch';
import { type PackageDef, type PackageIndex, packageNamed, resolveInstall } from '../../runtime/packages/types';
import { autoRemovable, forgetPackages, isAutoInstalled, markInstalled } from './apt-states';
import { aptSize, ask, downloadTime, installFiles, isInstalled, isRoot, osRelease, removeFiles, wrapNames } from './common';

const LISTS = '/var/lib/apt/lists';

interface Distro {
  index: PackageIndex;
  mirror: string;
  security: string;
  codename: string;
  /** files and directories dpkg knows in the base image */
  baseFiles: number;
  /** [mirror, what, bytes] of the update downloads (bytes 0: "Ign", nothing fetched) */
  update: [string, string, number][];
  /** the libc-bin whose trigger runs after libraries are (un)installed */
  libcBin: string;
}

function distro(ctx: ProgramContext): Distro | undefined {
  const os = osRelease(ctx.fs);
  const c = os.codename || (os.id === 'debian' ? 'bookworm' : 'jammy');
  if (os.id === 'ubuntu') {
    const a = 'http://archive.ubuntu.com/ubuntu';
    const s = 'http://security.ubuntu.com/ubuntu';
    return {
      index: UBUNTU_PACKAGES,
      mirror: a,
      security: s,
      codename: c,
      baseFiles: 4395,
      libcBin: '2.35-0ubuntu3.4',
      update: [
        [a, `${c} InRelease`, 270000],
        [s, `${c}-security InRelease`, 110000],
        [a, `${c}-updates InRelease`, 119000],
        [a, `${c}-backports InRelease`, 109000],
        [s, `${c}-security/main amd64 Packages`, 1242000],
        [a, `${c}/main amd64 Packages`, 1792000],
        [a, `${c}/universe amd64 Packages`, 17500000],
        [a, `${c}/restricted amd64 Packages`, 164000],
        [a, `${c}/multiverse amd64 Packages`, 266000],
        [a, `${c}-updates/main amd64 Packages`, 1511000],
        [a, `${c}-updates/universe amd64 Packages`, 1302000],
        [a, `${c}-backports/universe amd64 Packages`, 28100],
      ],
    };
  }
  if (os.id === 'debian' && c === 'stretch') {
    const d = 'http://deb.debian.org/debian';
    const s = 'http://security.debian.org/debian-security';
    return {
      index: STRETCH_PACKAGES,
      mirror: d,
      security: s,
      codename: c,
      baseFiles: 6498,
      libcBin: '2.24-11+deb9u4',
      update: [
        [s, `${c}/updates InRelease`, 53000],
        [d, `${c} InRelease`, 0],
        [d, `${c}-updates InRelease`, 93600],
        [d, `${c} Release`, 118000],
        [d, `${c} Release.gpg`, 2410],
        [s, `${c}/updates/main amd64 Packages`, 782000],
        [d, `${c}/main amd64 Packages`, 7080000],
      ],
    };
  }
  if (os.id === 'debian') {
    const d = 'http://deb.debian.org/debian';
    const s = 'http://deb.debian.org/debian-security';
    return {
      index: DEBIAN_PACKAGES,
      mirror: d,
      security: s,
      codename: c,
      baseFiles: 6090,
      libcBin: '2.36-9+deb12u3',
      update: [
        [d, `${c} InRelease`, 151000],
        [d, `${c}-updates InRelease`, 52100],
        [s, `${c}-security InRelease`, 48000],
        [d, `${c}/main amd64 Packages`, 8787000],
        [d, `${c}-updates/main amd64 Packages`, 12700],
        [s, `${c}-security/main amd64 Packages`, 131000],
      ],
    };
  }
  return undefined;
}

function listFile(url: string, what: string): string {
  const host = url.replace(/^http:\/\//, '').replace(/\//g, '_');
  const [suite, ...rest] = what.split(' ');
  if (rest[0] !== 'amd64') return `${LISTS}/${host}_dists_${suite.replace(/\//g, '_')}_${rest.join('')}`;
  const comp = suite.slice(suite.lastIndexOf('/') + 1);
  const dist = suite.slice(0, suite.lastIndexOf('/')).replace(/\//g, '_');
  return `${LISTS}/${host}_dists_${dist}_${comp}_binary-amd64_Packages.lz4`;
}

function hasLists(ctx: ProgramContext): boolean {
  try {
    return ctx.fs.readdir(LISTS).some((n) => n.endsWith('_Packages.lz4'));
  } catch {
    return false;
  }
}

function lockError(ctx: ProgramContext, what: 'lists' | 'dpkg'): number {
  if (what === 'lists') ctx.io.stderr.write('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
  else ctx.io.stderr.write('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
  return 100;
}

async function update(ctx: ProgramContext, d: Distro): Promise<number> {
  if (!isRoot(ctx)) return lockError(ctx, 'lists');
  let total = 0;
  d.update.forEach(([url, what, size], i) => {
    ctx.io.stdout.write(size === 0 ? `Ign:${i + 1} ${url} ${what}\n` : `Get:${i + 1} ${url} ${what} [${aptSize(size)}]\n`);
    total += size;
  });
  const secs = await downloadTime(ctx, total);
  ctx.io.stdout.write(`Fetched ${aptSize(total)} in ${secs}s (${aptSize(Math.round(total / secs))}/s)\nReading package lists...\n`);
  if (!ctx.fs.exists(LISTS)) ctx.fs.mkdir(LISTS, { recursive: true });
  for (const [url, what, size] of d.update) if (size > 0) ctx.fs.writeFile(listFile(url, what), new Uint8Array(Math.round(size * (what.endsWith('Packages') ? 3.2 : 1))));
  return 0;
}

/** libraries are Multi-Arch: same, dpkg names them with their architecture */
function qualified(p: PackageDef): string {
  return p.name.startsWith('lib') && p.arch === 'amd64' ? `${p.name}:amd64` : p.name;
}

function debName(p: PackageDef): string {
  return `${p.name}_${p.version.replace(/:/g, '%3a')}_${p.arch}.deb`;
}

async function install(ctx: ProgramContext, d: Distro, names: string[], yes: boolean): Promise<number> {
  const out = (s: string) => ctx.io.stdout.write(s);
  if (!isRoot(ctx)) return lockError(ctx, 'dpkg');
  out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
  const lists = hasLists(ctx);
  const missing = lists ? names.filter((n) => !packageNamed(d.index, n)) : names;
  if (missing.length) {
    for (const n of missing) ctx.io.stderr.write(`E: Unable to locate package ${n}\n`);
    return 100;
  }
  const { order } = resolveInstall(d.index, names, (p) => isInstalled(ctx.fs, p));
  for (const n of names) {
    const p = packageNamed(d.index, n);
    if (p && !order.includes(p)) {
      out(`${n} is already the newest version (${p.version}).\n`);
      if (isAutoInstalled(ctx.fs, n)) out(`${n} set to manually installed.\n`);
    }
  }
  // asked for by name: manually installed from now on
  markInstalled(ctx.fs, [], names);
  const extra = order.filter((p) => !names.includes(p.name));
  if (extra.length) out(`The following additional packages will be installed:\n${wrapNames(extra.map((p) => p.name).sort())}`);
  if (order.length) out(`The following NEW packages will be installed:\n${wrapNames(order.map((p) => p.name).sort())}`);
  out(`0 upgraded, ${order.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (order.length === 0) return 0;
  const download = order.reduce((n, p) => n + p.download, 0);
  const size = order.reduce((n, p) => n + p.installed, 0);
  out(`Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(size)} of additional disk space will be used.\n`);
  if (extra.length && !yes) {
    const answer = await ask(ctx, 'Do you want to continue? [Y/n] ');
    if (answer === undefined || !/^(y|yes|)$/i.test(answer)) {
      out('Abort.\n');
      return 1;
    }
  }
  order.forEach((p, i) => {
    out(`Get:${i + 1} ${d.mirror} ${d.codename}/${p.repo} amd64 ${p.name} ${p.arch} ${p.version} [${aptSize(p.download)}]\n`);
  });
  ctx.io.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  const secs = await downloadTime(ctx, download);
  out(`Fetched ${aptSize(download)} in ${secs}s (${aptSize(Math.round(download / secs))}/s)\n`);
  let known = d.baseFiles + countInstalledFiles(ctx);
  order.forEach((p, i) => {
    out(`Selecting previously unselected package ${qualified(p)}.\n`);
    if (i === 0) out(`(Reading database ... ${known} files and directories currently installed.)\n`);
    out(`Preparing to unpack .../${order.length > 1 ? `${String(i).padStart(2, '0')}-` : ''}${debName(p)} ...\nUnpacking ${qualified(p)} (${p.version}) ...\n`);
    installFiles(ctx.fs, p);
    writeInfo(ctx, p);
    known += p.files.length;
  });
  markInstalled(ctx.fs, extra, names);
  for (const p of order) out(`Setting up ${qualified(p)} (${p.version}) ...\n`);
  if (order.some((p) => p.files.some((f) => f.path.includes('/lib/')))) out(`Processing triggers for libc-bin (${d.libcBin}) ...\n`);
  const ca = order.find((p) => p.name === 'ca-certificates');
  if (ca) out(`Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  return 0;
}

function countInstalledFiles(ctx: ProgramContext): number {
  try {
    return ctx.fs
      .readdir('/var/lib/dpkg/info')
      .filter((n) => n.endsWith('.list'))
      .reduce((sum, n) => sum + textDecoder.decode(ctx.fs.readFile(`/var/lib/dpkg/info/${n}`)).split('\n').filter(Boolean).length, 0);
  } catch {
    return 0;
  }
}

/** dpkg's records: the file list and the status stanza (rewriting the status file grows the layer as dpkg does) */
function writeInfo(ctx: ProgramContext, p: PackageDef): void {
  try {
    if (!ctx.fs.exists('/var/lib/dpkg/info')) ctx.fs.mkdir('/var/lib/dpkg/info', { recursive: true });
    ctx.fs.writeFile(`/var/lib/dpkg/info/${p.name}.list`, p.files.map((f) => `${f.path}\n`).join(''));
    ctx.fs.appendFile(
      '/var/lib/dpkg/status',
      `\nPackage: ${p.name}\nStatus: install ok installed\nPriority: optional\nInstalled-Size: ${Math.ceil(p.installed / 1024)}\nArchitecture: ${p.arch}\nVersion: ${p.version}\nDepends: ${p.depends.join(', ')}\nDescription: ${p.summary}\n`,
    );
  } catch {
    // a read-only dpkg database: the files are in place all the same
  }
}

function remove(ctx: ProgramContext, d: Distro, names: string[], purge: boolean, autoRemove: boolean): number {
  const out = (s: string) => ctx.io.stdout.write(s);
  if (!isRoot(ctx)) return lockError(ctx, 'dpkg');
  out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
  const named: PackageDef[] = [];
  for (const n of names) {
    const p = packageNamed(d.index, n);
    if (!p || !isInstalled(ctx.fs, p)) out(`Package '${n}' is not installed, so not removed\n`);
    else named.push(p);
  }
  const extra = autoRemove ? autoRemovable(ctx.fs, d.index, named, (p) => isInstalled(ctx.fs, p)) : [];
  // dependents go first: the reverse of the index's order (dependencies come before their users)
  const all = Object.values(d.index);
  const gone = [...named, ...extra].sort((a, b) => all.indexOf(b) - all.indexOf(a));
  if (gone.length) out(`The following packages will be REMOVED:\n${wrapNames(gone.map((p) => `${p.name}${purge ? '*' : ''}`).sort())}`);
  out(`0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
  if (!gone.length) return 0;
  out(`After this operation, ${aptSize(gone.reduce((n, p) => n + p.installed, 0))} disk space will be freed.\n`);
  out(`(Reading database ... ${d.baseFiles + countInstalledFiles(ctx)} files and directories currently installed.)\n`);
  for (const p of gone) {
    out(`Removing ${qualified(p)} (${p.version}) ...\n`);
    removeFiles(ctx.fs, p);
    try {
      ctx.fs.unlink(`/var/lib/dpkg/info/${p.name}.list`);
    } catch {
      // no list file
    }
  }
  forgetPackages(ctx.fs, gone.map((p) => p.name));
  if (gone.some((p) => p.files.some((f) => f.path.includes('/lib/')))) out(`Processing triggers for libc-bin (${d.libcBin}) ...\n`);
  const conf = purge ? gone.filter((p) => p.files.some((f) => f.path.startsWith('/etc/') && f.size !== undefined)) : [];
  if (conf.length) {
    out(`(Reading database ... ${d.baseFiles + countInstalledFiles(ctx)} files and directories currently installed.)\n`);
    for (const p of conf) out(`Purging configuration files for ${qualified(p)} (${p.version}) ...\n`);
  }
  return 0;
}

function usage(ctx: ProgramContext): number {
  ctx.io.stdout.write(
    'apt 2.4.11 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n\napt-get is a command line interface for retrieval of packages\nand information about them from authenticated sources and\nfor installation, upgrade and removal of packages together\nwith their dependencies.\n\nMost used commands:\n  update - Retrieve new lists of packages\n  upgrade - Perform an upgrade\n  install - Install new packages (pkg is libc6 not libc6.deb)\n  remove - Remove packages\n  purge - Remove packages and config files\n  clean - Erase downloaded archive files\n',
  );
  return 1;
}

function makeApt(frontend: 'apt-get' | 'apt'): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const yes = args.some((a) => /^(-y|--yes|--assume-yes|-qq?y|-yq+)$/.test(a));
    const words = args.filter((a) => !a.startsWith('-'));
    const [cmd, ...names] = words;
    const d = distro(ctx);
    if (frontend === 'apt' && !ctx.io.stdout.isTTY) ctx.io.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    if (!cmd) return usage(ctx);
    if (!d) {
      ctx.io.stderr.write('E: The package lists or status file could not be parsed or opened.\n');
      return 100;
    }
    switch (cmd) {
      case 'update':
        return update(ctx, d);
      case 'install':
        if (names.length === 0) {
          ctx.io.stdout.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          return 0;
        }
        return install(ctx, d, names, yes);
      case 'remove':
      case 'purge':
      case 'autoremove':
      case 'autopurge':
        return remove(ctx, d, names, cmd === 'purge' || cmd === 'autopurge' || args.includes('--purge'), cmd.startsWith('auto') || args.some((a) => a === '--auto-remove' || a === '--autoremove'));
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
        if (!isRoot(ctx)) return lockError(ctx, 'dpkg');
        ctx.io.stdout.write('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
        return 0;
      case 'clean':
      case 'autoclean':
        return isRoot(ctx) ? 0 : lockError(ctx, 'dpkg');
      default:
        ctx.io.stderr.write(`E: Invalid operation ${cmd}\n`);
        return 100;
    }
  };
}

export const aptGet = makeApt('apt-get');
export const apt = makeApt('apt');
