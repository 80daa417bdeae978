/**
 * Big port sets in a snapshot (EXPOSE 1-65535): written as runs of ports
 * (core/port-runs.ts), not as maps of 65,535 keys, which every export, import
 * check and restore would walk.
 *  - an image whose config holds a big ExposedPorts map is written without its
 *    parsed `config`: the restore parses `configJson` (the bytes of its ID),
 *    cutting known sets out of the text (images/image-config.ts);
 *  - a container's big Config.ExposedPorts is written as `ports.exposed`, and
 *    the big part of NetworkSettings.Ports that publishes nothing (null values)
 *    as `ports.unpublished`, both runs text ("1-65535/tcp").
 * A snapshot without them (written before) loads as it did: both are optional.
 */
import type { PortMap } from '../../api/network';
import { setOwn } from '../../lib/own';
import { BIG_SET, isBigPortMap, mapOfRuns, type PortSetMap, parseRunsText, runsOfKeys, runsOfMap, runsText } from '../core/port-runs';
import { cutBigPortSets, type ImageConfigJson, joinBigPortSets, parseCutConfig, parseImageConfig } from '../images/image-config';
import { sha256Digest } from '../layers/digest';
import type { ImageRecord } from '../images/image-store';

/** a container's big port sets, as runs text */
export interface ContainerPortsSnapshot {
  exposed?: string;
  unpublished?: string;
}

/**
 * an image as a snapshot keeps it: `config` left out when configJson is to be
 * parsed at restore; with `portSets`, configJson has its big port maps cut out
 * (images/image-config.ts: cutBigPortSets)
 */
export type ImageSnapshot = Omit<ImageRecord, 'config'> & { config?: ImageConfigJson; portSets?: string[] };

export function hasBigPortSet(c: ImageConfigJson): boolean {
  return isBigPortMap(c.config?.ExposedPorts) || isBigPortMap(c.container_config?.ExposedPorts);
}

export function imageSnapshot(i: ImageRecord): ImageSnapshot {
  if (!hasBigPortSet(i.config)) return { ...i };
  const { config, ...rest } = i;
  const maps = [config.config?.ExposedPorts, config.container_config?.ExposedPorts].filter((m): m is PortSetMap => !!m);
  const cut = cutBigPortSets(i.configJson, maps);
  if (!cut) return rest;
  rememberCutDigest(cut.text, cut.sets, i.id);
  return { ...rest, configJson: cut.text, portSets: cut.sets };
}

/** the digests of the last few cut configs, by their short form (export, then check and restore, of the same image) */
const cutDigests = new Map<string, string>();
const MAX_CUT_DIGESTS = 64;
const cutKey = (text: string, sets: readonly string[]) => `${sets.join(' ')}\n${text}`;

function rememberCutDigest(text: string, sets: readonly string[], digest: string): void {
  cutDigests.set(cutKey(text, sets), digest);
  if (cutDigests.size > MAX_CUT_DIGESTS) cutDigests.delete(cutDigests.keys().next().value as string);
}

/** the digest of the image's config bytes (undefined when its port sets do not fit its text) */
export function imageConfigDigest(i: Pick<ImageSnapshot, 'configJson' | 'portSets'>): string | undefined {
  if (i.portSets === undefined) return sha256Digest(i.configJson);
  const known = cutDigests.get(cutKey(i.configJson, i.portSets));
  if (known) return known;
  const json = joinBigPortSets(i.configJson, i.portSets);
  if (json === undefined) return undefined;
  const d = sha256Digest(json);
  rememberCutDigest(i.configJson, i.portSets, d);
  return d;
}

/** the image's parsed config when the snapshot left it out: undefined when its text does not parse to one */
export function imageConfigOf(i: Pick<ImageSnapshot, 'configJson' | 'portSets'>): ImageConfigJson | undefined {
  if (i.portSets !== undefined) return parseCutConfig(i.configJson, i.portSets);
  try {
    return parseImageConfig(i.configJson);
  } catch {
    return undefined;
  }
}

/** the bytes of the image's config (its big port maps put back), or undefined when they cannot be */
export function imageConfigJsonOf(i: Pick<ImageSnapshot, 'configJson' | 'portSets'>): string | undefined {
  return i.portSets === undefined ? i.configJson : joinBigPortSets(i.configJson, i.portSets);
}

/** the container's big port sets taken out of its Config and NetworkSettings (copies of them: `data`'s own) */
export function splitContainerPorts(data: { Config: { ExposedPorts?: PortSetMap }; NetworkSettings: { Ports: PortMap } }): ContainerPortsSnapshot | undefined {
  const out: ContainerPortsSnapshot = {};
  const exposed = data.Config.ExposedPorts;
  if (exposed && isBigPortMap(exposed)) {
    out.exposed = runsText(runsOfMap(exposed) ?? []);
    delete data.Config.ExposedPorts;
  }
  const ports = data.NetworkSettings.Ports;
  if (ports) {
    const unpublished: string[] = [];
    for (const k of Object.keys(ports)) if (ports[k] === null) unpublished.push(k);
    const runs = unpublished.length >= BIG_SET ? runsOfKeys(unpublished) : undefined;
    if (runs) {
      const rest: PortMap = {};
      for (const k of Object.keys(ports)) if (ports[k] !== null) setOwn(rest, k, ports[k] as PortMap[string]);
      data.NetworkSettings.Ports = rest;
      out.unpublished = runsText(runs);
    }
  }
  return out.exposed === undefined && out.unpublished === undefined ? undefined : out;
}

function runsOf(text: string, what: string) {
  const runs = parseRunsText(text);
  if (!runs) throw new Error(`engine snapshot: ${what} is not a list of port runs`);
  return runs;
}

/** check a container's `ports` (throws on a bad one) */
export function checkContainerPorts(p: ContainerPortsSnapshot, what: string): void {
  if (p.exposed !== undefined) runsOf(p.exposed, `${what} ports.exposed`);
  if (p.unpublished !== undefined) runsOf(p.unpublished, `${what} ports.unpublished`);
}

/** put a container's big port sets back (in place, on its restored copies) */
export function joinContainerPorts(data: { Config: { ExposedPorts?: PortSetMap }; NetworkSettings: { Ports: PortMap } }, p: ContainerPortsSnapshot | undefined, what: string): void {
  if (!p) return;
  if (p.exposed !== undefined) {
    if (data.Config.ExposedPorts && Object.keys(data.Config.ExposedPorts).length > 0) throw new Error(`engine snapshot: ${what} has ExposedPorts twice`);
    data.Config.ExposedPorts = mapOfRuns(runsOf(p.exposed, `${what} ports.exposed`));
  }
  if (p.unpublished !== undefined) {
    const set = mapOfRuns(runsOf(p.unpublished, `${what} ports.unpublished`));
    const rest = data.NetworkSettings.Ports ?? {};
    const own = Object.keys(rest);
    for (const k of own) if (Object.hasOwn(set, k)) throw new Error(`engine snapshot: ${what} has port ${k} twice`);
    const keys = Object.keys(set);
    const ports: PortMap = {};
    for (const k of own.length ? [...keys, ...own].sort() : keys) setOwn(ports, k, Object.hasOwn(rest, k) ? (rest[k] as PortMap[string]) : null);
    data.NetworkSettings.Ports = ports;
  }
}
