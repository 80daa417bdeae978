/**
 * apt's record of which packages were installed only as dependencies
 * (/var/lib/apt/extended_states, "Auto-Installed: 1"), and what
 * `--auto-remove` takes away with them: the automatically installed packages
 * no package kept on the system depends on any more.
 */
import { textDecoder } from '../../../api/fs';
import type { FileSystem } from '../../../api/fs';
import { type PackageDef, type PackageIndex, packageNamed } from '../../runtime/packages/types';

export const EXTENDED_STATES = '/var/lib/apt/extended_states';

function read(fs: FileSystem): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const stanza of textDecoder.decode(fs.readFile(EXTENDED_STATES)).split(/\n\n+/)) {
      const name = /^Package: (.+)$/m.exec(stanza)?.[1];
      if (name && /^Auto-Installed: 1$/m.test(stanza)) out.set(name, stanza.trim());
    }
  } catch {
    // no file yet: nothing was installed automatically
  }
  return out;
}

function write(fs: FileSystem, states: Map<string, string>): void {
  try {
    if (!fs.exists('/var/lib/apt')) fs.mkdir('/var/lib/apt', { recursive: true });
    fs.writeFile(EXTENDED_STATES, [...states.values()].map((s) => `${s}\n\n`).join(''));
  } catch {
    // a read-only apt directory: the marks are lost, as apt would warn
  }
}

/** note packages installed as dependencies (`auto`), and those asked for by name as manual again */
export function markInstalled(fs: FileSystem, auto: PackageDef[], manual: string[]): void {
  const states = read(fs);
  for (const p of auto) states.set(p.name, `Package: ${p.name}\nArchitecture: ${p.arch}\nAuto-Installed: 1`);
  for (const n of manual) states.delete(n);
  write(fs, states);
}

/** was the package installed only as a dependency */
export function isAutoInstalled(fs: FileSystem, name: string): boolean {
  return read(fs).has(name);
}

export function forgetPackages(fs: FileSystem, names: string[]): void {
  const states = read(fs);
  for (const n of names) states.delete(n);
  write(fs, states);
}

/**
 * the automatically installed packages that nothing still installed needs once
 * `removing` are gone (installed: does the package's file list exist)
 */
export function autoRemovable(fs: FileSystem, index: PackageIndex, removing: PackageDef[], installed: (p: PackageDef) => boolean): PackageDef[] {
  const states = read(fs);
  const gone = new Set(removing.map((p) => p.name));
  const kept = Object.values(index).filter((p) => !gone.has(p.name) && installed(p));
  // the packages the kept manual ones need, transitively
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const d of packageNamed(index, name)?.depends ?? []) visit(d);
  };
  for (const p of kept) if (!states.has(p.name)) visit(p.name);
  return kept.filter((p) => states.has(p.name) && !needed.has(p.name));
}
