/**
 * GET /containers/json (moby daemon/list.go): newest first; running only
 * unless `all`, a limit, or a status filter; filters ancestor, before, expose,
 * exited, health, id, isolation, is-task, label, name, network, publish,
 * since, status, volume.
 */
import { cloneJson } from '../abort';
import type { ContainerListOptions, ContainerSummary, PortSummary } from '../../../api/container';
import { invalidParameter } from '../../../api/errors';
import type { FilterArgs } from '../../../api/volume';
import type { Engine } from '../../engine';
import { match, matchKVList, validateFilters } from '../../system/filters';
import { type ContainerRecord, visibleMounts } from '../container-record';
import { containerSizeRw } from '../container-size';
import { stateStatus, stateText } from '../container-state';
import { resolveImage } from '../deps';

const ACCEPTED = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];
const STATES = ['paused', 'restarting', 'running', 'removing', 'dead', 'created', 'exited'];

/** the COMMAND of a container summary: path and arguments, those with spaces in single quotes */
export function command(c: Pick<ContainerRecord, 'Path' | 'Args'>): string {
  if (c.Args.length === 0) return c.Path;
  return `${c.Path} ${c.Args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

function ports(c: ContainerRecord): PortSummary[] {
  const out: PortSummary[] = [];
  const all = c.NetworkSettings.Ports;
  if (!all) return out;
  for (const key in all) {
    if (!Object.hasOwn(all, key)) continue;
    const bindings = all[key];
    const [p, proto = 'tcp'] = key.split('/');
    const port = Number(p);
    if (!bindings || bindings.length === 0) {
      out.push({ PrivatePort: port, Type: proto });
      continue;
    }
    for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: port, PublicPort: Number(b.HostPort), Type: proto });
  }
  return out;
}

/** image references resolved during one list call (reference → image ID, null when it resolves to nothing) */
export type ImageNameMemo = Map<string, string | null>;

function imageName(engine: Engine, c: ContainerRecord, memo?: ImageNameMemo): string {
  const ref = c.Config.Image;
  if (ref === c.Image) return ref;
  let id = memo?.get(ref);
  if (id === undefined) {
    try {
      id = resolveImage(engine, ref).id;
    } catch {
      id = null;
    }
    memo?.set(ref, id);
  }
  return id !== null && id === c.Image ? ref : c.Image;
}

export function summarize(engine: Engine, c: ContainerRecord, size = false, memo?: ImageNameMemo): ContainerSummary {
  const out: ContainerSummary = {
    Id: c.ID,
    Names: [c.Name],
    Image: imageName(engine, c, memo),
    ImageID: c.Image,
    Command: command(c),
    Created: Math.floor(c.Created / 1000),
    Ports: ports(c),
    Labels: c.Config.Labels ? { ...c.Config.Labels } : {},
    State: stateStatus(c.State),
    Status: stateText(c.State, engine.clock.now()),
    HostConfig: { NetworkMode: c.HostConfig.NetworkMode },
    NetworkSettings: { Networks: cloneJson(c.NetworkSettings.Networks) },
    Mounts: visibleMounts(c),
  };
  if (size) {
    const rw = containerSizeRw(c);
    const image = engine.images.get(c.Image);
    const { Labels, ...rest } = out;
    const ordered = { ...rest } as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(ordered)) {
      result[k] = v;
      if (k === 'Ports') {
        result.SizeRw = rw;
        result.SizeRootFs = rw + (image?.size ?? 0);
        result.Labels = Labels;
      }
    }
    return result as unknown as ContainerSummary;
  }
  return out;
}

/** [start, end] of "80", "80-90", "80/tcp" */
function portRange(v: string): { start: number; end: number; proto: string } {
  const [range = '', proto = 'tcp'] = v.split('/');
  const [s, e] = range.split('-');
  const start = Number(s);
  const end = e ? Number(e) : start;
  if (!Number.isInteger(start) || !Number.isInteger(end)) throw invalidParameter(`Invalid range: ${v}`);
  return { start, end, proto };
}

function refIndex(engine: Engine, list: ContainerRecord[], ref: string): number {
  const c = engine.containers.resolve(ref);
  return list.indexOf(c);
}

function ancestorIds(engine: Engine, refs: string[]): Set<string> {
  const ids = new Set<string>();
  for (const r of refs) {
    let img: ReturnType<typeof resolveImage> | undefined;
    try {
      img = resolveImage(engine, r);
    } catch {
      continue;
    }
    const stack = [img.id];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (ids.has(id)) continue;
      ids.add(id);
      for (const child of engine.images.children(id)) stack.push(child.id);
    }
  }
  return ids;
}

export function listContainers(engine: Engine, opts: ContainerListOptions = {}): ContainerSummary[] {
  const f: FilterArgs = opts.filters ?? {};
  validateFilters(f, ACCEPTED);
  let all = opts.all ?? false;
  const limit = opts.latest ? 1 : (opts.limit ?? 0);
  for (const s of f.status ?? []) {
    if (!STATES.includes(s)) throw invalidParameter(`Invalid filter 'status=${s}'`);
    all = true;
  }
  for (const h of f.health ?? []) {
    if (!['starting', 'healthy', 'unhealthy', 'none'].includes(h)) throw invalidParameter(`Unrecognised filter value for health: ${h}`);
  }
  const isTask = f['is-task'] ?? [];
  if (isTask.length > 0 && !isTask.includes('true') && !isTask.includes('false')) {
    throw invalidParameter(`Invalid filter 'is-task=[${isTask.join(' ')}]'`);
  }
  const exited = (f.exited ?? []).map((v) => {
    if (!/^-?\d+$/.test(v)) throw invalidParameter(`strconv.Atoi: parsing "${v}": invalid syntax`);
    return Number(v);
  });
  const created = engine.containers.list();
  const before = (f.before ?? []).map((r) => refIndex(engine, created, r));
  const since = (f.since ?? []).map((r) => refIndex(engine, created, r));
  const ancestors = f.ancestor?.length ? ancestorIds(engine, f.ancestor) : undefined;
  const publish = (f.publish ?? []).map(portRange);
  const expose = (f.expose ?? []).map(portRange);

  const out: ContainerSummary[] = [];
  const memo: ImageNameMemo = new Map();
  // newest first
  for (let idx = created.length - 1; idx >= 0; idx--) {
    const c = created[idx] as ContainerRecord;
    if (before.length > 0 && before.some((b) => idx >= b)) continue;
    if (since.length > 0 && since.some((s) => idx <= s)) {
      continue;
    }
    if (!c.State.Running && !all && limit <= 0) continue;
    if (limit > 0 && out.length >= limit) break;
    if (!match(f, 'name', c.Name)) continue;
    if (!match(f, 'id', c.ID)) continue;
    if (!matchKVList(f, 'label', c.Config.Labels)) continue;
    if (f.status?.length && !f.status.includes(stateStatus(c.State))) continue;
    if (exited.length > 0 && !(exited.includes(c.State.ExitCode) && !c.State.Running && c.State.StartedAt !== 0)) continue;
    if (f.health?.length && !f.health.includes(c.State.Health?.Status ?? 'none')) continue;
    if (f['is-task']?.length && f['is-task'].includes('true')) continue;
    if (f.isolation?.length && !f.isolation.includes('default') && !f.isolation.includes('')) continue;
    if (ancestors && !ancestors.has(c.Image)) continue;
    if (f.network?.length) {
      const nets = Object.entries(c.NetworkSettings.Networks);
      const ok = f.network.some((n) => nets.some(([name, ep]) => name === n || (ep.NetworkID !== '' && ep.NetworkID.startsWith(n))));
      if (!ok) continue;
    }
    if (f.volume?.length) {
      const ok = f.volume.some((v) => c.Mounts.some((m) => m.Name === v || m.Source === v || m.Destination === v));
      if (!ok) continue;
    }
    if (publish.length > 0) {
      const ps = ports(c).filter((p) => p.PublicPort !== undefined);
      if (!publish.some((r) => ps.some((p) => p.Type === r.proto && (p.PublicPort as number) >= r.start && (p.PublicPort as number) <= r.end))) continue;
    }
    if (expose.length > 0) {
      const keys = Object.keys({ ...(c.Config.ExposedPorts ?? {}), ...(c.HostConfig.PortBindings ?? {}) }).map((k) => portRange(k));
      if (!expose.some((r) => keys.some((k) => k.proto === r.proto && k.start >= r.start && k.start <= r.end))) continue;
    }
    out.push(summarize(engine, c, opts.size, memo));
  }
  return out;
}
