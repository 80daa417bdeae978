/**
 * Mounts of a container, resolved at container create (moby
 * daemon.registerMountPoints + populateVolumes): named volumes are created
 * when missing, anonymous ones get a 64-hex name, every volume records the
 * container as a user, and an empty volume receives the image's content at its
 * target (unless `nocopy`). Returns the MountPoints exactly as `docker inspect`
 * shows them under "Mounts"; applyMounts() mounts them into the root filesystem.
 */
import { invalidParameter } from '../../../api/errors';
import type { FileSystem } from '../../../api/fs';
import type { MountPoint } from '../../../api/volume';
import type { Engine } from '../../engine';
import { copyTree } from '../../fs/copy-tree';
import { UnionFs } from '../../fs/union-fs';
import type { ContainerLike } from '../container-like';
import { anonymousVolume, type ParsedMount, parseBind, parseMountSpec } from '../mount-spec';
import { volumeMountpoint } from '../volume-store';
import { createVolume } from './create';

export type MountEngine = Pick<Engine, 'volumes' | 'clock' | 'ids' | 'events' | 'hostFs' | 'images' | 'layers'>;

/** the mount points of another container (--volumes-from); throws when there is no such container */
export type MountsOf = (ref: string) => MountPoint[];

/** parser.ParseVolumesFrom: "container[:ro|rw]" */
function parseVolumesFrom(spec: string): { ref: string; rw: boolean } {
  const i = spec.indexOf(':');
  if (i < 0) return { ref: spec, rw: true };
  const mode = spec.slice(i + 1);
  if (!['ro', 'rw', 'z', 'Z', 'ro,z', 'ro,Z', 'rw,z', 'rw,Z', 'z,ro', 'Z,ro', 'z,rw', 'Z,rw'].includes(mode)) {
    throw invalidParameter(`invalid mode for volumes-from: ${mode}`);
  }
  return { ref: spec.slice(0, i), rw: !mode.split(',').includes('ro') };
}

/** the mounts a container's config asks for, in the order dockerd registers them */
export function parseContainerMounts(engine: Pick<Engine, 'hostFs' | 'images'>, container: ContainerLike, mountsOf?: MountsOf): ParsedMount[] {
  const out: ParsedMount[] = [];
  const taken = new Set<string>();
  const inherited = new Set<string>();
  const add = (m: ParsedMount, strict: boolean) => {
    if (taken.has(m.destination)) {
      if (inherited.has(m.destination)) {
        // a container's own -v / --mount replaces what --volumes-from brought for that path
        inherited.delete(m.destination);
        out.splice(
          out.findIndex((x) => x.destination === m.destination),
          1,
          m,
        );
        return;
      }
      if (strict) throw invalidParameter(`Duplicate mount point: ${m.destination}`);
      return;
    }
    taken.add(m.destination);
    out.push(m);
  };
  for (const spec of container.HostConfig.VolumesFrom ?? []) {
    const { ref, rw } = parseVolumesFrom(spec);
    if (!mountsOf) continue;
    for (const p of mountsOf(ref)) {
      const m: ParsedMount = {
        type: p.Type === 'bind' ? 'bind' : p.Type === 'tmpfs' ? 'tmpfs' : 'volume',
        source: p.Type === 'volume' ? (p.Name ?? '') : p.Source,
        destination: p.Destination,
        rw: p.RW && rw,
        mode: '',
        propagation: p.Propagation,
        copyData: false,
        origin: 'volumes-from',
        driver: p.Driver,
      };
      add(m, false);
      inherited.add(m.destination);
    }
  }
  const volumeDriver = container.HostConfig.VolumeDriver ?? '';
  for (const b of container.HostConfig.Binds ?? []) {
    const m = parseBind(b);
    add(m.type === 'volume' ? { ...m, driver: volumeDriver } : m, true);
  }
  for (const m of container.HostConfig.Mounts ?? []) add(parseMountSpec(m, (p) => engine.hostFs.exists(p)), true);
  for (const path of Object.keys(container.HostConfig.Tmpfs ?? {})) {
    add({ ...anonymousVolume(path), type: 'tmpfs', copyData: false, origin: 'mount' }, true);
  }
  for (const path of Object.keys(container.Config.Volumes ?? {})) add(anonymousVolume(path), false);
  const image = engine.images.get(container.Image);
  for (const path of Object.keys(image?.config.config?.Volumes ?? {})) add(anonymousVolume(path), false);
  return out;
}

/** the image's files (bottom → top layers) as one read-only view */
function imageFs(engine: Pick<Engine, 'images' | 'layers'>, imageId: string): UnionFs | undefined {
  const image = engine.images.get(imageId);
  if (!image) return undefined;
  const layers = image.chainId ? engine.layers.chain(image.chainId).map((l) => l.files) : [];
  return new UnionFs(layers);
}

function isEmpty(fs: FileSystem): boolean {
  return fs.readdir('/').length === 0;
}

export function prepareMounts(engine: MountEngine, container: ContainerLike, mountsOf?: MountsOf): MountPoint[] {
  const parsed = parseContainerMounts(engine, container, mountsOf);
  const points: MountPoint[] = [];
  let image: UnionFs | undefined | null = null;
  for (const m of parsed) {
    if (m.type === 'bind') {
      points.push({ Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.mode, RW: m.rw, Propagation: m.propagation });
      continue;
    }
    if (m.type === 'tmpfs') {
      points.push({ Type: 'tmpfs', Source: '', Destination: m.destination, Mode: '', RW: m.rw, Propagation: '' });
      continue;
    }
    const vol = createVolume(engine, { Name: m.source || undefined, Driver: m.driver || undefined }, { byContainer: true });
    vol.refs.add(container.ID);
    if (m.copyData && isEmpty(vol.fs)) {
      if (image === null) image = imageFs(engine, container.Image);
      if (image) copyImageContent(image, m.destination, vol.fs);
    }
    points.push({
      Type: 'volume',
      Name: vol.name,
      Source: volumeMountpoint(vol.name),
      Destination: m.destination,
      Driver: vol.driver,
      Mode: m.mode,
      RW: m.rw,
      Propagation: m.propagation,
    });
  }
  return points;
}

/** copy what the image has at `path` into an empty volume, ownership and mode of the directory included */
function copyImageContent(image: UnionFs, path: string, dst: FileSystem): void {
  let st: ReturnType<UnionFs['stat']>;
  try {
    st = image.stat(path);
  } catch {
    return;
  }
  if (st.type !== 'dir') return;
  for (const name of image.readdir(path)) copyTree(image, path === '/' ? `/${name}` : `${path}/${name}`, dst, `/${name}`);
  try {
    dst.chmod('/', st.mode);
    dst.chown('/', st.uid, st.gid);
  } catch {
    // a root that cannot change mode keeps the volume default (0755 root)
  }
}
