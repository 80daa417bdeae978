/**
 * COPY/ADD sources (moby builder/dockerfile/copy.go copier): which files each
 * source names (wildcards as Go's filepath.Match), and the hash that goes in
 * the step's "#(nop) COPY file:…/dir:…/multi:…" text and cache key.
 */
import { ScopedFsError, type SourceTree } from '../context/source-tree';
import { hashStrings } from '../context/tarsum';
import { BuildError } from '../build-error';
import { goMatch } from './go-match';

export interface CopyInfo {
  tree: SourceTree;
  /** path inside the tree, as named (relative) */
  path: string;
  hash: string;
}

export interface CopyInstruction {
  cmdName: 'COPY' | 'ADD';
  infos: CopyInfo[];
  dest: string;
  chown: string;
  decompress: boolean;
  preserveOwnership: boolean;
}

export function isUrl(s: string): boolean {
  return s.startsWith('http://') || s.startsWith('https://');
}

function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** filepath.Walk order: the root, then each entry in name order, depth first (links not followed) */
export function walk(tree: SourceTree, root: string, visit: (abs: string) => void): void {
  visit(root);
  let st: ReturnType<SourceTree['fs']['lstat']>;
  try {
    st = tree.fs.lstat(root);
  } catch {
    return;
  }
  if (st.type !== 'dir') return;
  for (const name of tree.fs.readdir(root)) walk(tree, root === '/' ? `/${name}` : `${root}/${name}`, visit);
}

function notFound(path: string, fromContext: boolean): Error {
  const stat = `stat ${path}: file does not exist`;
  return new Error(fromContext ? `file not found in build context or excluded by .dockerignore: ${stat}` : stat);
}

function calcCopyInfo(tree: SourceTree, fromContext: boolean, orig: string, allowWildcards: boolean): CopyInfo[] {
  let origPath = orig;
  if (origPath.startsWith('/')) origPath = origPath.slice(1);
  if (origPath.startsWith('./')) origPath = origPath.slice(2);
  if (allowWildcards && containsWildcards(origPath)) {
    const out: CopyInfo[] = [];
    walk(tree, '/', (abs) => {
      const rel = abs === '/' ? '.' : abs.slice(1);
      if (rel === '.') return;
      if (!goMatch(origPath, rel)) return;
      out.push(...calcCopyInfo(tree, fromContext, rel, false));
    });
    return out;
  }
  const full = tree.realPath(tree.fullPath(origPath));
  let type: string;
  try {
    type = tree.fs.stat(full).type;
  } catch {
    throw notFound(origPath, fromContext);
  }
  if (type !== 'dir') return [{ tree, path: origPath, hash: `file:${tree.hash(origPath)}` }];
  const subs: string[] = [];
  walk(tree, full, (abs) => {
    const rel = abs === '/' ? '.' : abs.slice(1);
    if (rel === '.') return;
    try {
      subs.push(tree.hash(rel));
    } catch {
      // unreadable entries are left out, as moby ignores Hash errors here
    }
  });
  subs.sort();
  return [{ tree, path: origPath, hash: hashStrings('dir', subs) }];
}

/** copier.createCopyInstruction; errors carry moby's texts ("COPY failed: …") */
export function createCopyInstruction(
  srcDest: string[],
  cmdName: 'COPY' | 'ADD',
  tree: SourceTree,
  fromContext: boolean,
): { dest: string; infos: CopyInfo[] } {
  const dest = srcDest[srcDest.length - 1] as string;
  const infos: CopyInfo[] = [];
  try {
    for (const orig of srcDest.slice(0, -1)) {
      if (isUrl(orig)) {
        if (cmdName === 'COPY') throw new Error("source can't be a URL for COPY");
        // the simulated daemon reaches no web server: what dockerd behind the offline proxy answered
        throw new Error(`failed to GET ${orig} with status 502 Bad Gateway: `);
      }
      infos.push(...calcCopyInfo(tree, fromContext, orig, true));
    }
    if (infos.length === 0) throw new Error('no source files were specified');
  } catch (err) {
    if (err instanceof Error && !(err instanceof BuildError)) throw new BuildError(`${cmdName} failed: ${err.message}`);
    throw err;
  }
  if (infos.length > 1 && !dest.endsWith('/')) {
    throw new BuildError(`When using ${cmdName} with more than one source file, the destination must be a directory and end with a /`);
  }
  return { dest, infos };
}

/** getSourceHashFromInfos: one hash as is, several as "multi:…" */
export function sourceHash(infos: CopyInfo[]): string {
  if (infos.length === 1) return (infos[0] as CopyInfo).hash;
  return hashStrings(
    'multi',
    infos.map((i) => i.hash),
  );
}

export { ScopedFsError };
