/**
 * A small package index, as data: what apt-get, apk and yum can install in the
 * simulated images, with the files each package adds (so image layers grow by
 * realistic sizes and installed programs become runnable) and its dependencies.
 */
export interface PackageFile {
  path: string;
  /** bytes of a regular file (its content is not simulated) */
  size?: number;
  /** a symlink to this target */
  link?: string;
  /** permission bits, default 0o755 under bin/ and sbin/, else 0o644 */
  mode?: number;
}

export interface PackageDef {
  name: string;
  version: string;
  /** "amd64" / "all" (deb), "x86_64" / "noarch" (rpm) */
  arch: string;
  /** archive section or repository: "main", "universe", "community", "base", "updates" */
  repo: string;
  /** bytes downloaded (the .deb / .apk / .rpm) */
  download: number;
  /** bytes the package takes once installed */
  installed: number;
  depends: string[];
  files: PackageFile[];
  summary: string;
}

export type PackageIndex = Readonly<Record<string, PackageDef>>;

/** shorthand for the index tables */
export function pkg(
  name: string,
  version: string,
  repo: string,
  download: number,
  installed: number,
  depends: string[],
  files: PackageFile[],
  summary: string,
  arch = 'amd64',
): PackageDef {
  return { name, version, arch, repo, download, installed, depends, files, summary };
}

/** the package and everything it needs that is not installed yet, dependencies first */
/** the package of that name in an index (never a property every object has: `apt-get install constructor`) */
export function packageNamed(index: PackageIndex, name: string): PackageDef | undefined {
  return Object.hasOwn(index, name) ? index[name] : undefined;
}

export function resolveInstall(index: PackageIndex, names: string[], installed: (p: PackageDef) => boolean): { order: PackageDef[]; missing: string[] } {
  const order: PackageDef[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    const p = packageNamed(index, n);
    if (!p) {
      missing.push(n);
      return;
    }
    if (installed(p)) return;
    for (const d of p.depends) visit(d);
    order.push(p);
  };
  for (const n of names) visit(n);
  return { order, missing };
}
