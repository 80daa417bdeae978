/**
 * buildStateModel: everything the state view draws, read through the
 * EngineClient only (the same calls `docker images`, `docker inspect`,
 * `docker network inspect` make), so it works on the simulator and on a real
 * daemon alike. Objects that vanish between the list and the inspect call are
 * left out, never an error.
 */
import type { ContainerJSON, ContainerSummary } from '../../api/container';
import type { HistoryResponseItem, ImageInspect } from '../../api/image';
import type { NetworkResource } from '../../api/network';
import type { EngineClient } from '../../client/engine-client';
import type { SandboxChange } from '../../store/contract';
import { imageLayers } from './layers';
import {
  type ContainerInfo,
  containerState,
  type ImageInfo,
  type NetworkInfo,
  objectKey,
  type StateModel,
  shortId,
  type VolumeInfo,
} from './model';
import { deriveRegistries, readRegistries } from './registries';

const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none']);

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch {
    return undefined;
  }
}

const realTags = (tags: readonly string[] | null | undefined) => (tags ?? []).filter((t) => t !== '<none>:<none>');
const realDigests = (d: readonly string[] | null | undefined) => (d ?? []).filter((t) => t !== '<none>@<none>');

/**
 * What a re-read may take from the one before: the inspect data of the
 * containers that no event named since (a loop of 100 `docker run -d`
 * re-reads the engine every 90 ms: without it, every container is inspected
 * again each time, most of the re-read with 100+ containers). The state view
 * notes the ids the events name (`named`, the container of a network event
 * too); `all` when a change names nothing it can use (a real engine's
 * refresh). A container is read again when its summary from the list moved
 * (state, names, image, networks, mounts) and whenever it has a health check
 * (its log grows without events); `remote` clients are always read in full.
 */
export class ContainerReads {
  private seen = new Map<string, { sig: string; info: ContainerJSON }>();
  private named = new Set<string>();
  private all = true;
  /** re-reads begun, and under way: one begun while another is under way reads in full, and only the last begun keeps what it read */
  private begun = 0;
  private active = 0;

  /** an engine change: what it names is read again */
  note(change: SandboxChange): void {
    if (change.kind !== 'engine') return;
    if (change.subject === 'engine' || change.id === undefined) this.all = true;
    else this.named.add(change.id);
    const container = change.attributes?.container;
    if (container !== undefined) this.named.add(container);
  }

  /** start of a re-read: what the events named until now */
  begin(): { reusable(id: string, sig: string): ContainerJSON | undefined; keep(id: string, sig: string, info: ContainerJSON): void; end(): void } {
    const named = this.named;
    const full = this.all || this.active > 0;
    this.named = new Set();
    this.all = false;
    const mine = ++this.begun;
    this.active++;
    const before = this.seen;
    const next = new Map<string, { sig: string; info: ContainerJSON }>();
    return {
      reusable: (id, sig) => {
        if (full || named.has(id)) return undefined;
        const b = before.get(id);
        return b && b.sig === sig ? b.info : undefined;
      },
      keep: (id, sig, info) => {
        if (!info.State.Health) next.set(id, { sig, info });
      },
      end: () => {
        this.active--;
        if (mine === this.begun) this.seen = next;
      },
    };
  }
}

function summarySignature(s: ContainerSummary): string {
  return JSON.stringify([s.State, s.Names, s.Image, s.ImageID, s.NetworkSettings?.Networks, s.Mounts]);
}

export async function buildStateModel(client: EngineClient, reads?: ContainerReads): Promise<StateModel> {
  const inspect: Record<string, unknown> = {};
  const [imageList, containerList, volumeList, networkList] = await Promise.all([
    client.imageList(),
    client.containerList({ all: true }),
    client.volumeList(),
    client.networkList(),
  ]);

  const images: ImageInfo[] = [];
  const imageData = await Promise.all(
    imageList.map(async (s) => {
      const [info, history] = await Promise.all([
        orUndefined<ImageInspect>(client.imageInspect(s.Id)),
        orUndefined<HistoryResponseItem[]>(client.imageHistory(s.Id)),
      ]);
      return { s, info, history };
    }),
  );
  for (const { s, info, history } of imageData) {
    if (!info) continue;
    inspect[objectKey('image', s.Id)] = info;
    const repoTags = realTags(s.RepoTags);
    images.push({
      id: s.Id,
      shortId: shortId(s.Id),
      repoTags,
      repoDigests: realDigests(s.RepoDigests),
      dangling: repoTags.length === 0,
      size: s.Size,
      created: s.Created,
      layers: imageLayers(info.RootFS.Layers ?? [], history),
      containers: [],
    });
  }
  for (const img of images) {
    for (const l of img.layers) {
      const key = objectKey('layer', l.chainId);
      if (!inspect[key]) inspect[key] = { ChainID: l.chainId, DiffID: l.diffId, CreatedBy: l.createdBy, Size: l.size, Images: [] };
      (inspect[key] as { Images: string[] }).Images.push(img.repoTags[0] ?? img.shortId);
    }
  }

  const containers: ContainerInfo[] = [];
  const read = reads && !client.remote ? reads.begin() : undefined;
  const containerData = await Promise.all(
    containerList.map(async (s) => {
      const sig = read ? summarySignature(s) : '';
      const info = read?.reusable(s.Id, sig) ?? (await orUndefined<ContainerJSON>(client.containerInspect(s.Id)));
      if (info && read) read.keep(s.Id, sig, info);
      return { s, info };
    }),
  );
  read?.end();
  for (const { s, info } of containerData) {
    if (!info) continue;
    inspect[objectKey('container', s.Id)] = info;
    const c: ContainerInfo = {
      id: s.Id,
      shortId: shortId(s.Id),
      name: (s.Names[0] ?? info.Name).replace(/^\//, ''),
      image: s.Image,
      imageId: s.ImageID,
      state: containerState(info.State.Status),
      status: s.Status,
      ports: s.Ports,
      networks: Object.keys(info.NetworkSettings.Networks ?? {}),
      volumes: info.Mounts.filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name as string),
    };
    containers.push(c);
    images.find((i) => i.id === c.imageId)?.containers.push(c.id);
  }

  const volumes: VolumeInfo[] = (volumeList.Volumes ?? []).map((v) => {
    inspect[objectKey('volume', v.Name)] = v;
    return {
      name: v.Name,
      driver: v.Driver,
      containers: containers.filter((c) => c.volumes.includes(v.Name)).map((c) => c.id),
      anonymous: /^[0-9a-f]{64}$/.test(v.Name),
    };
  });

  const networks: NetworkInfo[] = [];
  const networkData = await Promise.all(
    networkList.map(async (n) => ({ n, info: await orUndefined<NetworkResource>(client.networkInspect(n.Id)) })),
  );
  for (const { n, info } of networkData) {
    const res = info ?? n;
    inspect[objectKey('network', n.Id)] = res;
    const attached = Object.keys(res.Containers ?? {});
    // network inspect lists running containers; stopped ones still name the network in their settings
    for (const c of containers) if (c.networks.includes(n.Name) && !attached.includes(c.id)) attached.push(c.id);
    networks.push({ id: n.Id, name: n.Name, driver: n.Driver, builtin: BUILTIN_NETWORKS.has(n.Name), containers: attached.filter((id) => containers.some((c) => c.id === id)) });
  }
  networks.sort((a, b) => (a.builtin === b.builtin ? a.name.localeCompare(b.name) : a.builtin ? -1 : 1));

  const registries = await readRegistries(client, deriveRegistries(images, containers));
  for (const r of registries) {
    inspect[objectKey('registry', r.host)] = {
      Registry: r.host,
      Repositories: r.repositories.filter((x) => x.inRegistry).map((x) => x.name),
      ...(r.containerId ? { Container: shortId(r.containerId) } : {}),
      ...(r.error ? { Error: r.error } : {}),
    };
    for (const repo of r.repositories) {
      inspect[objectKey('repository', repo.fullName)] = {
        Repository: repo.fullName,
        Tags: repo.tags,
        LocalTags: repo.localTags,
        Digests: repo.digests,
        InRegistry: repo.inRegistry,
        Images: repo.images.map(shortId),
      };
    }
  }
  return { images, containers, volumes, networks, registries, inspect };
}
