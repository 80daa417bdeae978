/**
 * An image of the default catalog from its spec: the config JSON as a
 * Docker 20.10 legacy builder writes it (Go struct field order, sorted map
 * keys, Go's HTML escaping), history with one non-empty entry per layer,
 * rootfs.diff_ids, the schema-2 manifest and the digests.
 */
import { sha256Digest } from '../../../src/engine/layers/digest';
import type { CatalogImage, ManifestV2 } from '../../../src/engine/registry/catalog';
import { manifestBytes } from '../../../src/engine/registry/catalog';
import type { FinishedLayer, LayerDraft } from './layer-draft';
import { Prng, seedOf } from './prng';

export interface Step {
  /** created_by, as `docker history --no-trunc` shows it */
  by: string;
  /** the layer the step produced; none = empty_layer */
  layer?: LayerDraft;
  /** RFC 3339 time with nanoseconds; default: shortly after the previous step */
  at?: string;
}

export interface RunConfig {
  User?: string;
  ExposedPorts?: string[];
  Env: string[];
  Cmd: string[] | null;
  Volumes?: string[];
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  Labels?: Record<string, string>;
  StopSignal?: string;
}

export interface ImageSpec {
  repo: string;
  tags: string[];
  dockerVersion: string;
  config: RunConfig;
  steps: Step[];
  /** the repository's row in `docker search` (user repositories; official rows are canned) */
  search?: { description: string; stars: number };
}

export interface BuiltImage {
  image: CatalogImage;
  layers: FinishedLayer[];
}

const NS = 1_000_000_000n;

function parseTime(s: string): bigint {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(s);
  if (!m) throw new Error(`bad time ${s}`);
  return BigInt(Date.parse(`${m[1]}Z`) / 1000) * NS + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** Go's time.RFC3339Nano: trailing zeros of the fraction trimmed */
function formatTime(t: bigint): string {
  const secs = new Date(Number(t / NS) * 1000).toISOString().slice(0, 19);
  const frac = (t % NS).toString().padStart(9, '0').replace(/0+$/, '');
  return `${secs}${frac ? `.${frac}` : ''}Z`;
}

/** an RFC 3339 time `ms` milliseconds (and a few nanoseconds) after `at` */
export function later(at: string, ms: number, nanos = 0): string {
  return formatTime(parseTime(at) + BigInt(ms) * 1_000_000n + BigInt(nanos));
}

function set(keys: string[] | undefined): Record<string, Record<string, never>> | null {
  if (!keys || keys.length === 0) return null;
  const out: Record<string, Record<string, never>> = {};
  for (const k of [...keys].sort()) out[k] = {};
  return out;
}

function sortedMap(m: Record<string, string> | undefined, empty: Record<string, string> | null): Record<string, string> | null {
  if (!m) return empty;
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}

/** container.Config in Go field order (omitempty fields only when set) */
function goConfig(c: RunConfig, hostname: string, cmd: string[] | null, image: string, emptyLabels: Record<string, string> | null) {
  const ports = set(c.ExposedPorts);
  return {
    Hostname: hostname,
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(ports ? { ExposedPorts: ports } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env,
    Cmd: cmd,
    Image: image,
    Volumes: set(c.Volumes),
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ?? null,
    OnBuild: null,
    Labels: sortedMap(c.Labels, emptyLabels),
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
  };
}

/** encoding/json escapes <, > and & (and U+2028/9) */
export function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** the container_config Cmd of a builder step: ["/bin/sh","-c","#(nop) ","CMD [...]"] */
function stepCmd(by: string): string[] {
  const nop = '/bin/sh -c #(nop) ';
  if (by.startsWith(nop)) return ['/bin/sh', '-c', '#(nop) ', by.slice(nop.length).trimStart()];
  return ['/bin/sh', '-c', by.replace(/^\/bin\/sh -c /, '')];
}

function hex(seed: string): string {
  return sha256Digest(seed).slice(7);
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const ref = `${spec.repo}:${spec.tags[0]}`;
  const rng = new Prng(seedOf(ref));
  let t = 0n;
  const history: { created: string; created_by: string; empty_layer?: true }[] = [];
  const layers: FinishedLayer[] = [];
  for (const step of spec.steps) {
    if (step.at) t = parseTime(step.at);
    else t += BigInt(step.layer ? rng.int(900, 40_000) : rng.int(35, 140)) * 1_000_000n + BigInt(rng.int(0, 999_999));
    const entry: (typeof history)[number] = { created: formatTime(t), created_by: step.by };
    if (step.layer) layers.push(step.layer.finish());
    else entry.empty_layer = true;
    history.push(entry);
  }
  const container = hex(`${ref} container`);
  const parent = `sha256:${hex(`${ref} parent`)}`;
  const last = spec.steps[spec.steps.length - 1].by;
  const config = {
    architecture: 'amd64',
    config: goConfig(spec.config, '', spec.config.Cmd, parent, null),
    container,
    container_config: goConfig(spec.config, container.slice(0, 12), stepCmd(last), parent, {}),
    created: history[history.length - 1].created,
    docker_version: spec.dockerVersion,
    history,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.layer.diff_id) },
  };
  const configJson = goJson(config);
  const configDigest = sha256Digest(configJson);
  const manifest: ManifestV2 = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: new TextEncoder().encode(configJson).length,
      digest: configDigest,
    },
    layers: layers.map((l) => ({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      size: l.layer.size,
      digest: l.digest,
    })),
  };
  return {
    image: {
      manifest_digest: sha256Digest(manifestBytes(manifest)),
      manifest,
      config_digest: configDigest,
      config: configJson,
    },
    layers,
  };
}

/** `ADD file:<sha> in /` and `COPY file:<sha> in DEST` as the legacy builder writes them */
export function addFile(what: string, dest: string, verb: 'ADD' | 'COPY' = 'ADD', kind: 'file' | 'multi' = 'file'): string {
  return `/bin/sh -c #(nop) ${verb} ${kind}:${hex(`${verb} ${what}`)} in ${dest} `;
}

/** a `#(nop)` instruction: CMD ["bash"], ENV A=b, EXPOSE 80 … */
export function nop(instruction: string): string {
  return `/bin/sh -c #(nop)  ${instruction}`;
}

export function run(command: string): string {
  return `/bin/sh -c ${command}`;
}
