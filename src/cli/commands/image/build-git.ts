/**
 * `docker build` from a git repository (docker/cli 20.10 GetContextFromGitURL
 * with moby's gitutils rules): `URL#ref:dir` — the ref (default master) and
 * the folder of the repository to build from. The CLI fetches the ref into a
 * temporary directory on the host (/tmp/docker-build-gitNNN), takes the
 * folder as the context, and removes the directory once the context is sent.
 * Hosts outside the simulated Internet fail as on an offline machine
 * (build-remote.ts); git's own failures keep git's words.
 */
import type { FileSystem } from '../../../api/fs';
import type { Internet } from '../../../api/net';
import { ContextError } from './build-context';
import { gitContextError } from './build-remote';

export interface GitRepo {
  remote: string;
  ref: string;
  subdir: string;
}

function isGitTransport(s: string): boolean {
  return s.startsWith('http://') || s.startsWith('https://') || s.startsWith('git://') || s.startsWith('git@');
}

/** getRefAndSubdir: "master" unless the fragment names a ref; the folder after the first ':' */
export function refAndSubdir(fragment: string): { ref: string; subdir: string } {
  const i = fragment.indexOf(':');
  const ref = i < 0 ? fragment : fragment.slice(0, i);
  const subdir = i < 0 ? '' : fragment.slice(i + 1);
  return { ref: ref === '' ? 'master' : ref, subdir };
}

/** parseRemoteURL: https:// is added to a bare github.com/…; the fragment is cut off the remote */
export function parseGitUrl(url: string): GitRepo {
  const full = isGitTransport(url) ? url : `https://${url}`;
  const hash = full.indexOf('#');
  const remote = hash < 0 ? full : full.slice(0, hash);
  const { ref, subdir } = refAndSubdir(hash < 0 ? '' : full.slice(hash + 1));
  return { remote, ref, subdir };
}

export function gitHost(remote: string): string {
  const scp = /^[^@/]+@([^:/]+):/.exec(remote);
  if (scp) return (scp[1] as string).toLowerCase();
  return (/^[a-z+]+:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(remote)?.[1] ?? '').toLowerCase();
}

function tempDirName(): string {
  const n = new Uint32Array(1);
  globalThis.crypto.getRandomValues(n);
  return `/tmp/docker-build-git${(n[0] as number) % 1_000_000_000}`;
}

export function removeTree(fs: FileSystem, path: string): void {
  try {
    fs.rmdir(path, { recursive: true });
  } catch {
    // already gone
  }
}

/**
 * fetch the repository's ref into a new temporary directory; returns that
 * directory and the context directory inside it (the caller removes `root`)
 */
export function cloneGitContext(fs: FileSystem, internet: Internet | undefined, url: string): { root: string; contextDir: string } {
  const repo = parseGitUrl(url);
  if (!internet || internet.resolve(gitHost(repo.remote)) === undefined) throw gitContextError(url);
  const fetched = internet.gitFetch(repo.remote, repo.ref);
  if ('error' in fetched) throw new ContextError(`unable to 'git clone' to temporary context directory: error fetching: ${fetched.error}: exit status 128`);
  const root = tempDirName();
  fs.mkdir(root, { recursive: true, mode: 0o700 });
  for (const e of fetched.tree) {
    const p = `${root}/${e.path}`;
    if (e.type === 'dir') fs.mkdir(p, { recursive: true });
    else if (e.type === 'symlink') fs.symlink(e.target ?? '', p);
    else fs.writeFile(p, e.data ?? new Uint8Array(), e.mode);
  }
  if (repo.subdir === '') return { root, contextDir: root };
  const contextDir = `${root}/${repo.subdir.replace(/^\/+|\/+$/g, '')}`;
  let type: string | undefined;
  try {
    type = fs.stat(contextDir).type;
  } catch {
    removeTree(fs, root);
    throw new ContextError(`unable to 'git clone' to temporary context directory: stat ${contextDir}: no such file or directory`);
  }
  if (type !== 'dir') {
    removeTree(fs, root);
    throw new ContextError(`unable to 'git clone' to temporary context directory: error setting git context, not a directory: ${contextDir}`);
  }
  return { root, contextDir };
}
