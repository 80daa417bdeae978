/**
 * The plain-language card shown above an object's inspect JSON: what the
 * object is, why a dangling image has no name, which layers it shares and
 * with whom, and what removing it would do (what would be refused and why,
 * what `docker rmi` would untag or delete). Worked out from the state
 * model alone (the same data the picture is drawn from), following Docker
 * 20.10's rules for rm, rmi, volume rm and network rm.
 */
import { humanSize } from '../../lib/units';
import type { Selection } from '../../store/contract';
import { fmt } from '../i18n';
import type { ExplainDictionary } from './explain-i18n';
import type { StateViewDictionary } from './i18n';
import type { ContainerInfo, ImageInfo, NetworkInfo, RegistryInfo, RepositoryInfo, StateModel, VolumeInfo } from './model';
import { shortId } from './model';

export interface ExplainSection {
  heading: string;
  lines: string[];
}

type Texts = { x: ExplainDictionary; t: StateViewDictionary };

const MAX_NAMES = 6;

function names(x: ExplainDictionary, list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES);
  return list.length > MAX_NAMES ? `${shown.join(x.list)}${x.list}… (+${list.length - MAX_NAMES})` : shown.join(x.list);
}

function imageName(img: ImageInfo): string {
  return img.repoTags[0] ?? img.shortId;
}

function containerLabel({ t }: Texts, c: ContainerInfo): string {
  return `${c.name} (${t.swatches[c.state]})`;
}

function explainImage(tx: Texts, img: ImageInfo, model: StateModel): ExplainSection[] {
  const { x } = tx;
  const users = model.containers.filter((c) => c.imageId === img.id);
  const what: string[] = [
    img.dangling
      ? fmt(x.image.dangling, { size: humanSize(img.size) })
      : fmt(x.image.named, { layers: img.layers.length, size: humanSize(img.size), tags: names(x, img.repoTags) }),
    users.length > 0 ? fmt(x.image.containers, { containers: names(x, users.map((c) => containerLabel(tx, c))) }) : x.image.noContainers,
  ];
  const sections: ExplainSection[] = [{ heading: x.headings.what, lines: what }];
  if (img.dangling) {
    const why = [x.image.whyDangling];
    if (users.length > 0) why.push(fmt(x.image.whyStays, { containers: names(x, users.map((c) => c.name)) }));
    else why.push(x.image.prune);
    sections.push({ heading: x.headings.why, lines: why });
  }

  // layers shared with other images, by image
  const mine = new Set(img.layers.map((l) => l.chainId));
  const others = model.images.filter((o) => o.id !== img.id);
  const sharing = others
    .map((o) => ({ o, n: o.layers.filter((l) => mine.has(l.chainId)).length }))
    .filter((s) => s.n > 0)
    .sort((a, b) => b.n - a.n || imageName(a.o).localeCompare(imageName(b.o)));
  const usedElsewhere = new Set(others.flatMap((o) => o.layers.map((l) => l.chainId)));
  const own = img.layers.filter((l) => !usedElsewhere.has(l.chainId));
  const ownSize = own.reduce((n, l) => n + (l.size ?? 0), 0);
  const shared: string[] = [];
  if (sharing.length === 0) shared.push(x.image.onlyItsOwn);
  else {
    // images sharing the same number of layers are named together ("5 of its 7 layers are also layers of a, b")
    const byCount = new Map<number, string[]>();
    for (const s of sharing) byCount.set(s.n, [...(byCount.get(s.n) ?? []), imageName(s.o)]);
    for (const [n, list] of byCount) shared.push(fmt(x.image.sharedWith, { shared: n, total: img.layers.length, images: names(x, list) }));
    if (own.length > 0) shared.push(fmt(x.image.ownLayers, { own: own.length, size: humanSize(ownSize) }));
  }
  sections.push({ heading: x.headings.shared, lines: shared });

  // docker rmi NAME (the first tag, or the ID of a dangling image)
  const name = img.dangling ? img.shortId : imageName(img);
  const running = users.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
  let remove: string;
  if (!img.dangling && img.repoTags.length > 1) remove = fmt(x.image.rmiUntagOnly, { name, others: names(x, img.repoTags.slice(1)) });
  else if (running.length > 0) remove = fmt(img.dangling ? x.image.rmiRunningId : x.image.rmiRunning, { name, containers: names(x, running.map((c) => c.name)), first: running[0]?.name ?? '' });
  else if (users.length > 0) remove = fmt(x.image.rmiStopped, { name, containers: names(x, users.map((c) => c.name)), first: users[0]?.name ?? '' });
  else {
    const u = img.dangling ? '' : fmt(x.image.untag, { name });
    remove =
      own.length > 0
        ? fmt(x.image.rmiDeletes, { name, untag: u, own: own.length, size: humanSize(ownSize), shared: img.layers.length - own.length })
        : fmt(x.image.rmiDeletesNothingOwn, { name, untag: u });
  }
  sections.push({ heading: x.headings.remove, lines: [remove] });
  return sections;
}

function explainLayer({ x }: Texts, chainId: string, model: StateModel): ExplainSection[] {
  const users = model.images.filter((i) => i.layers.some((l) => l.chainId === chainId));
  const layer = users.flatMap((i) => i.layers).find((l) => l.chainId === chainId);
  const what = [fmt(x.layer.what, { size: humanSize(layer?.size ?? 0) })];
  if (layer?.createdBy) what.push(fmt(x.layer.step, { step: layer.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').trim() }));
  const used =
    users.length === 1 ? fmt(x.layer.usedByOne, { image: imageName(users[0] as ImageInfo) }) : fmt(x.layer.usedBy, { count: users.length, images: names(x, users.map(imageName)) });
  const remove = [x.layer.remove];
  if (users.length > 1) remove.push(x.layer.removeShared);
  return [
    { heading: x.headings.what, lines: [...what, used] },
    { heading: x.headings.remove, lines: remove },
  ];
}

/** published ports once each (docker ps lists the IPv4 and IPv6 bindings of one -p separately) */
function portText(c: ContainerInfo): string[] {
  const out = c.ports
    .filter((p) => p.PublicPort !== undefined && !(p.IP ?? '').includes(':'))
    .map((p) => `${p.IP && p.IP !== '0.0.0.0' ? `${p.IP}:` : ''}${p.PublicPort}→${p.PrivatePort}/${p.Type}`);
  return [...new Set(out)];
}

function explainContainer(tx: Texts, c: ContainerInfo): ExplainSection[] {
  const { x } = tx;
  // the image as docker ps names it: as it was asked for, or its ID once that name moved on
  const image = c.image;
  const what = [fmt(x.container.what, { name: c.name, image, status: c.status }), fmt(x.container.states[c.state], { name: c.name })];
  if (c.networks.length > 0) what.push(fmt(x.container.networks, { networks: names(x, c.networks) }));
  const ports = portText(c);
  if (ports.length > 0) what.push(fmt(x.container.ports, { ports: names(x, ports) }));
  if (c.volumes.length > 0) what.push(fmt(x.container.volumes, { volumes: names(x, c.volumes.map((v) => (/^[0-9a-f]{64}$/.test(v) ? v.slice(0, 12) : v))) }));
  const remove =
    c.state === 'running' || c.state === 'restarting'
      ? x.container.rmRunning
      : c.state === 'paused'
        ? x.container.rmPaused
        : x.container.rmStopped;
  return [
    { heading: x.headings.what, lines: what },
    { heading: x.headings.remove, lines: [fmt(remove, { name: c.name, image })] },
  ];
}

function explainVolume(tx: Texts, v: VolumeInfo, model: StateModel): ExplainSection[] {
  const { x } = tx;
  const users = model.containers.filter((c) => v.containers.includes(c.id));
  const name = v.anonymous ? v.name.slice(0, 12) : v.name;
  return [
    {
      heading: x.headings.what,
      lines: [
        v.anonymous ? x.volume.anonymous : fmt(x.volume.named, { name }),
        users.length > 0 ? fmt(x.volume.usedBy, { containers: names(x, users.map((c) => containerLabel(tx, c))) }) : x.volume.unused,
      ],
    },
    { heading: x.headings.remove, lines: [fmt(users.length > 0 ? x.volume.rmInUse : x.volume.rmUnused, { name })] },
  ];
}

function explainNetwork(tx: Texts, n: NetworkInfo, model: StateModel): ExplainSection[] {
  const { x } = tx;
  const users = model.containers.filter((c) => n.containers.includes(c.id));
  const builtin = n.builtin && (n.name === 'bridge' || n.name === 'host' || n.name === 'none') ? x.network.builtin[n.name] : undefined;
  const what = [
    builtin ?? fmt(x.network.user, { driver: n.driver }),
    users.length > 0 ? fmt(x.network.attached, { containers: names(x, users.map((c) => containerLabel(tx, c))) }) : x.network.noneAttached,
  ];
  const remove = n.builtin ? x.network.rmBuiltin : fmt(users.length > 0 ? x.network.rmInUse : x.network.rmFree, { name: n.name });
  return [
    { heading: x.headings.what, lines: what },
    { heading: x.headings.remove, lines: [remove] },
  ];
}

function explainRegistry(tx: Texts, r: RegistryInfo, model: StateModel): ExplainSection[] {
  const { x } = tx;
  const what = [r.hub ? x.registry.hub : fmt(x.registry.private, { host: r.host })];
  const server = r.containerId ? model.containers.find((c) => c.id === r.containerId) : undefined;
  if (server) what.push(fmt(x.registry.goesWith, { container: server.name }));
  const held = r.repositories.filter((repo) => repo.inRegistry);
  const holds: string[] = [];
  if (r.error) holds.push(fmt(x.registry.cannotAsk, { error: r.error }));
  else if (held.length === 0) holds.push(x.registry.holdsNothing);
  else holds.push(fmt(x.registry.holds, { repositories: names(x, held.map((repo) => (repo.tags.length > 0 ? `${repo.name} (${repo.tags.join(' ')})` : repo.name))) }));
  if (r.hub) holds.push(x.registry.hubNoCatalog);
  return [
    { heading: x.headings.what, lines: what },
    { heading: x.headings.holds, lines: holds },
  ];
}

function explainRepository(tx: Texts, repo: RepositoryInfo, model: StateModel): ExplainSection[] {
  const { x } = tx;
  const lines = [fmt(x.repository.what, { name: repo.name, registry: repo.registry })];
  if (repo.inRegistry) {
    if (repo.tags.length > 0) lines.push(fmt(x.repository.holds, { tags: names(x, repo.tags) }));
    if (repo.localTags.length > 0) lines.push(fmt(x.repository.here, { tags: names(x, repo.localTags) }));
  } else lines.push(fmt(x.repository.notHeld, { name: repo.name, tags: names(x, repo.localTags), first: repo.localTags[0] ?? 'latest' }));
  const images = model.images.filter((i) => repo.images.includes(i.id));
  if (images.length > 0) lines.push(fmt(x.repository.images, { images: names(x, images.map((i) => (i.dangling ? shortId(i.id) : imageName(i)))) }));
  return [{ heading: x.headings.what, lines }];
}

/** the card for the selected object; empty when the object is not in the model (it was just removed) */
export function explain(selection: Selection, model: StateModel, x: ExplainDictionary, t: StateViewDictionary): ExplainSection[] {
  const tx = { x, t };
  switch (selection.kind) {
    case 'image': {
      const img = model.images.find((i) => i.id === selection.id);
      return img ? explainImage(tx, img, model) : [];
    }
    case 'layer':
      return model.images.some((i) => i.layers.some((l) => l.chainId === selection.id)) ? explainLayer(tx, selection.id, model) : [];
    case 'container': {
      const c = model.containers.find((k) => k.id === selection.id);
      return c ? explainContainer(tx, c) : [];
    }
    case 'volume': {
      const v = model.volumes.find((k) => k.name === selection.id);
      return v ? explainVolume(tx, v, model) : [];
    }
    case 'network': {
      const n = model.networks.find((k) => k.id === selection.id);
      return n ? explainNetwork(tx, n, model) : [];
    }
    case 'registry': {
      const r = model.registries.find((k) => k.host === selection.id);
      return r ? explainRegistry(tx, r, model) : [];
    }
    case 'repository': {
      const repo = model.registries.flatMap((r) => r.repositories).find((k) => k.fullName === selection.id);
      return repo ? explainRepository(tx, repo, model) : [];
    }
  }
}
