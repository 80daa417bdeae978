/** GET /volumes/{name}: the API shape of a volume (what `docker volume inspect` prints). */
import { notFound } from '../../../api/errors';
import type { Volume } from '../../../api/volume';
import { rfc3339 } from '../../system/time-format';
import type { VolumeEngine } from '../volume-engine';
import { type VolumeRecord, volumeMountpoint } from '../volume-store';
import { treeSize } from '../volume-size';

export function toApiVolume(v: VolumeRecord): Volume {
  return {
    CreatedAt: rfc3339(v.createdAt),
    Driver: v.driver,
    Labels: v.labels ? { ...v.labels } : null,
    Mountpoint: volumeMountpoint(v.name),
    Name: v.name,
    Options: v.options ? { ...v.options } : null,
    Scope: 'local',
  };
}

/** the volume or NotFound "get x: no such volume" (the client turns it into "Error: No such volume: x") */
export function getVolume(engine: Pick<VolumeEngine, 'volumes'>, name: string): VolumeRecord {
  const v = engine.volumes.get(name);
  if (!v) throw notFound(`get ${name}: no such volume`);
  return v;
}

export function inspectVolume(engine: Pick<VolumeEngine, 'volumes'>, name: string): Volume {
  return toApiVolume(getVolume(engine, name));
}

/** the /system/df shape: with UsageData */
export function volumeWithUsage(v: VolumeRecord): Volume {
  return { ...toApiVolume(v), UsageData: { Size: treeSize(v.fs), RefCount: v.refs.size } };
}
