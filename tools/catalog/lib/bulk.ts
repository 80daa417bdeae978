/**
 * Realistic bulk for catalog layers: binary files (path and size only) in the
 * places real images keep them, so that image sizes come out like the real
 * images'. A plan lists named files with their usual sizes, then "filler"
 * families (gconv modules, translations, dpkg lists…) drawn with a seeded PRNG
 * until the wanted number of bytes is reached exactly.
 */
import type { CatalogFile } from '../../../src/engine/registry/catalog';
import type { Prng } from './prng';

/** [path, usual size in bytes, mode (default: 0o100755 under bin/lib dirs with .so, else 0o100644)] */
export type FixedFile = [string, number, string?];

export interface Filler {
  /** directory of the files; a `{}` in it takes the name's first part (before "/"), else names are relative paths */
  dir: string;
  names: string[];
  suffix?: string;
  min: number;
  max: number;
  /** how often this family is drawn relative to the others (default 1) */
  weight?: number;
  mode?: string;
}

export interface BulkPlan {
  fixed: FixedFile[];
  fillers: Filler[];
}

const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function defaultMode(path: string): string {
  return BIN_DIRS.has(dirOf(path)) || /\.so(\.|$)/.test(path) ? '0o100755' : '0o100644';
}

/** a bulk file may not shadow a program the simulator runs (busybox applets, stand-ins) */
function allowed(path: string, existing: Map<string, CatalogFile>, reserved: Set<string>): boolean {
  if (existing.has(path)) return false;
  return !(BIN_DIRS.has(dirOf(path)) && reserved.has(baseOf(path)));
}

function file(path: string, size: number, mode?: string): CatalogFile {
  return { path, type: 'file', mode: mode ?? defaultMode(path), uid: 0, gid: 0, size, binary: true };
}

function fillerPaths(f: Filler): string[] {
  return f.names.map((n) => {
    const slash = n.indexOf('/');
    if (slash < 0 || !f.dir.includes('{}')) return `${f.dir}/${n}${f.suffix ?? ''}`;
    return `${f.dir.replace('{}', n.slice(0, slash))}/${n.slice(slash + 1)}${f.suffix ?? ''}`;
  });
}

/** bulk files adding up to exactly `missing` bytes */
export function padFiles(
  missing: number,
  plan: BulkPlan,
  rng: Prng,
  existing: Map<string, CatalogFile>,
  reserved: Set<string>,
): CatalogFile[] {
  const out: CatalogFile[] = [];
  const taken = new Set<string>();
  const ok = (p: string) => !taken.has(p) && allowed(p, existing, reserved);
  if (missing <= 0) return out;

  const fixed = plan.fixed.filter(([p]) => ok(p));
  const nominal = fixed.reduce((n, [, s]) => n + s, 0);
  let remaining = missing;
  if (fixed.length > 0 && nominal >= missing) {
    // the named files alone are too big: shrink them all alike
    const scale = missing / nominal;
    for (const [p, s, mode] of fixed) {
      const size = Math.max(1, Math.floor(s * scale));
      if (size > remaining) break;
      out.push(file(p, size, mode));
      taken.add(p);
      remaining -= size;
    }
    if (out.length > 0) out[out.length - 1].size += remaining;
    else out.push(file(fixed[0][0], remaining, fixed[0][2]));
    return out;
  }
  for (const [p, s, mode] of fixed) {
    const size = Math.min(remaining, Math.round(s * (0.97 + 0.06 * rng.next())));
    out.push(file(p, size, mode));
    taken.add(p);
    remaining -= size;
  }

  const pools = plan.fillers.map((f) => ({ f, paths: fillerPaths(f).filter(ok) }));
  const fillerStart = out.length;
  while (remaining > 0) {
    const live = pools.filter((p) => p.paths.length > 0);
    if (live.length === 0) break;
    let pick = rng.next() * live.reduce((n, p) => n + (p.f.weight ?? 1), 0);
    let pool = live[live.length - 1];
    for (const p of live) {
      pick -= p.f.weight ?? 1;
      if (pick < 0) {
        pool = p;
        break;
      }
    }
    const path = pool.paths.splice(rng.int(0, pool.paths.length - 1), 1)[0];
    let size = rng.int(pool.f.min, pool.f.max);
    if (size >= remaining || remaining - size < pool.f.min) size = remaining;
    out.push(file(path, size, pool.f.mode));
    taken.add(path);
    remaining -= size;
  }
  if (remaining > 0) {
    // every name used: the files grow alike
    const grow = out.slice(fillerStart).length > 0 ? out.slice(fillerStart) : out;
    if (grow.length === 0) throw new Error(`no bulk file can carry ${remaining} bytes`);
    const each = Math.floor(remaining / grow.length);
    for (const f of grow) f.size += each;
    grow[grow.length - 1].size += remaining - each * grow.length;
  }
  return out;
}
