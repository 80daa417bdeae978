/**
 * The learner's /etc/docker/daemon.json for their session daemon (real-engine
 * mode): read as dockerd 20.10 reads it (src/engine/daemon/config-file.ts, the
 * same parser and texts the simulator uses, recorded from a real dockerd), so
 * a broken file fails the start with dockerd's own line; then only keys that
 * cannot reach past the session are let through. Sockets, data and exec roots,
 * runtimes, storage, networking, TLS, userns, cgroups, seccomp, authorization
 * plugins and anything else stay the server's: such a key fails the start with
 * a Dockyard refusal that names it. The daemon gets the server's configuration
 * with the learner's keys on top; the server's registry mirror stays first in
 * the mirrors and its insecure registries stay insecure (images come from it).
 */
import { textEncoder } from '../../api/fs';
import { readDaemonConfigFile } from '../../engine/daemon/config-file';
import { DAEMON_CONFIG_PATH, DOCKERD_FLAGS_SET } from '../../engine/system/daemon-facts';
import { decodeGoJson, type GoJson, GoNumber } from '../../lib/go-json/decode';

/** keys a learner may set: what a Docker course teaches, none reaching past the session */
export const LEARNER_DAEMON_KEYS: readonly string[] = [
  'registry-mirrors', 'registry-mirror', 'insecure-registries', 'insecure-registry',
  'debug', 'log-level', 'live-restore', 'experimental', 'labels', 'label',
  'max-concurrent-downloads', 'max-concurrent-uploads', 'max-download-attempts', 'shutdown-timeout',
  'dns', 'dns-search', 'dns-opts',
];

/** bytes of daemon.json the server reads at most */
export const MAX_DAEMON_JSON_BYTES = 64 * 1024;

export type SessionDaemonConfig =
  | { ok: true; config: Record<string, unknown>; warnings: string[] }
  /** `message`: the line dockerd (or, for a refused key, the server) writes before the start fails */
  | { ok: false; message: string; refused?: string[] };

function plain(v: GoJson): unknown {
  if (v instanceof GoNumber) return v.value;
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  return v;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The configuration a session daemon starts with: `server`'s, with the learner's file (its
 * text, undefined when there is none) read, checked and laid on top.
 */
export function sessionDaemonConfig(file: string | undefined, server: Readonly<Record<string, unknown>>): SessionDaemonConfig {
  if (file === undefined) return { ok: true, config: { ...server }, warnings: [] };
  const bytes = textEncoder.encode(file);
  if (bytes.length > MAX_DAEMON_JSON_BYTES) return { ok: false, message: `${DAEMON_CONFIG_PATH} is larger than ${MAX_DAEMON_JSON_BYTES / 1024} KiB`, refused: [] };
  const read = readDaemonConfigFile(bytes, DAEMON_CONFIG_PATH, DOCKERD_FLAGS_SET);
  if (!read.ok) return read;
  const top = decodeGoJson(bytes);
  const learner = (top instanceof Map ? plain(top) : {}) as Record<string, unknown>;
  const refused = Object.keys(learner).filter((k) => !LEARNER_DAEMON_KEYS.includes(k)).sort();
  if (refused.length > 0) {
    return {
      ok: false,
      refused,
      message: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_PATH}: the Dockyard server keeps these options of a real engine's session daemon its own: ${refused.join(', ')}`,
    };
  }
  const config: Record<string, unknown> = { ...server, ...learner };
  const union = (key: string) => {
    const merged = [...new Set([...list(server[key]), ...list(learner[key])])];
    if (merged.length > 0) config[key] = merged;
  };
  union('registry-mirrors');
  union('insecure-registries');
  return { ok: true, config, warnings: read.warnings };
}
