/**
 * DELETE /volumes/{name}. A volume referenced by any container (running or
 * not) is in use: `remove my-vol: volume is in use - [<container id>]`.
 * `force` only turns "no such volume" into success, as in dockerd.
 */
import { conflict } from '../../../api/errors';
import type { VolumeEngine } from '../volume-engine';
import { getVolume } from './inspect';

export function removeVolume(engine: VolumeEngine, name: string, force = false): void {
  const v = engine.volumes.get(name);
  if (!v) {
    if (force) return;
    getVolume(engine, name);
    return;
  }
  if (v.refs.size > 0) throw conflict(`remove ${name}: volume is in use - [${[...v.refs].join(', ')}]`);
  engine.volumes.delete(name);
  engine.events.emit(engine.clock.now(), 'volume', 'destroy', name, { driver: v.driver });
}
