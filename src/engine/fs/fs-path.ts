/** POSIX path helpers for the engine's filesystems (absolute paths, no symlink knowledge). */

/** the components of a path, without empty ones and "." ("/a//b/./c" → ["a","b","c"]); ".." is kept */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== 47) continue;
    if (i > start && !(i === start + 1 && path.charCodeAt(start) === 46)) out.push(path.slice(start, i));
    start = i + 1;
  }
  return out;
}

/** lexical normalization: "/a/b/../c/" → "/a/c"; relative paths are taken from "/" */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const c of splitPath(path)) {
    if (c === '..') out.pop();
    else out.push(c);
  }
  return `/${out.join('/')}`;
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** "/a/b" → "/a", "/a" → "/", "/" → "/" */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** ancestors of an absolute normalized path, outermost first, without "/" and the path itself */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  let i = path.indexOf('/', 1);
  while (i > 0) {
    out.push(path.slice(0, i));
    i = path.indexOf('/', i + 1);
  }
  return out;
}

/** is `path` equal to `dir` or below it */
export function isWithin(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir}/`);
}
