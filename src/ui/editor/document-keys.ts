/**
 * What the editor's tabs (the store's openFiles) hold: a host file is its
 * absolute path ("/home/learner/app/Dockerfile"); a file inside a container is
 * written as docker cp writes it, the container's full ID, a colon and the
 * absolute path inside it ("3f2a…e9:/etc/nginx/nginx.conf").
 */
export type DocumentRef = { kind: 'host'; path: string } | { kind: 'container'; container: string; path: string };

export function containerKey(container: string, path: string): string {
  return `${container}:${path}`;
}

export function parseKey(key: string): DocumentRef {
  if (key.startsWith('/')) return { kind: 'host', path: key };
  const i = key.indexOf(':/');
  if (i <= 0) return { kind: 'host', path: key };
  return { kind: 'container', container: key.slice(0, i), path: key.slice(i + 1) };
}

export function isContainerKey(key: string): boolean {
  return parseKey(key).kind === 'container';
}

/** the path part of a key (for the file's name and language) */
export function keyPath(key: string): string {
  return parseKey(key).path;
}

/**
 * Tab labels: the file's name, with as many of its folders as it takes to
 * tell open files with the same name apart ("mynginx/Dockerfile",
 * "web/Dockerfile"); a container's file is prefixed with the container's name
 * ("web:nginx.conf").
 */
export function tabLabels(keys: readonly string[], containerName: (id: string) => string | undefined = () => undefined): Map<string, string> {
  const refs = new Map(keys.map((k) => [k, parseKey(k)] as const));
  const segments = (k: string) => (refs.get(k)?.path ?? k).split('/').filter(Boolean);
  const depth = new Map<string, number>(keys.map((k) => [k, 1]));
  const suffix = (k: string) => {
    const segs = segments(k);
    return segs.slice(Math.max(0, segs.length - (depth.get(k) ?? 1))).join('/');
  };
  for (;;) {
    // files with the same shown name in the same place (the host, or one container)
    const groups = new Map<string, string[]>();
    for (const k of keys) {
      const ref = refs.get(k);
      const id = `${ref?.kind === 'container' ? ref.container : ''}\u0000${suffix(k)}`;
      groups.set(id, [...(groups.get(id) ?? []), k]);
    }
    let grew = false;
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const k of group) {
        const d = depth.get(k) ?? 1;
        if (d < segments(k).length) {
          depth.set(k, d + 1);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  const out = new Map<string, string>();
  for (const k of keys) {
    const ref = refs.get(k);
    const shown = suffix(k) || '/';
    out.set(k, ref?.kind === 'container' ? `${containerName(ref.container) ?? ref.container.slice(0, 12)}:${shown}` : shown);
  }
  return out;
}

/** the full name shown in a tab's tooltip and the terminal's notice: the host path, or "web:/etc/nginx/nginx.conf" */
export function fullLabel(key: string, containerName: (id: string) => string | undefined = () => undefined): string {
  const ref = parseKey(key);
  return ref.kind === 'container' ? `${containerName(ref.container) ?? ref.container.slice(0, 12)}:${ref.path}` : ref.path;
}

