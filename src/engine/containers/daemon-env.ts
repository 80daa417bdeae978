/**
 * The environment a container's process gets (moby container.CreateDaemonEnvironment):
 * PATH, HOSTNAME and, with a TTY, TERM=xterm first, then the container's (or the exec's)
 * variables replace those in place or are appended (ReplaceOrAppendEnvValues). A
 * variable given without `=` unsets one of the defaults.
 */
export const DEFAULT_PATH_ENV = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function replaceOrAppendEnv(defaults: readonly string[], overrides: readonly string[]): string[] {
  const out: (string | null)[] = [...defaults];
  const index = new Map<string, number>();
  out.forEach((kv, i) => {
    if (kv !== null) index.set(kv.slice(0, Math.max(0, kv.indexOf('='))), i);
  });
  for (const kv of overrides) {
    const eq = kv.indexOf('=');
    if (eq < 0) {
      const i = index.get(kv);
      if (i !== undefined) out[i] = null;
      continue;
    }
    const i = index.get(kv.slice(0, eq));
    if (i !== undefined) out[i] = kv;
    else out.push(kv);
  }
  return out.filter((kv): kv is string => kv !== null);
}

export function daemonEnvironment(hostname: string, tty: boolean, env: readonly string[]): string[] {
  const defaults = [`PATH=${DEFAULT_PATH_ENV}`, `HOSTNAME=${hostname}`];
  if (tty) defaults.push('TERM=xterm');
  return replaceOrAppendEnv(defaults, env);
}
