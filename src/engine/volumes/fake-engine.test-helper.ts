/** A minimal engine for volume/network unit tests (the real Engine needs every store). */
import { DaemonError } from '../../api/errors';
import { VirtualClock } from '../core/clock';
import { SeededIds } from '../core/ids';
import { EventLog } from '../events/event-log';
import { UnionFs } from '../fs/union-fs';
import { ImageStore } from '../images/image-store';
import { LayerStore } from '../layers/layer-store';
import { NetworkStore } from '../networks/network-store';
import { VolumeStore } from './volume-store';

export const T0 = Date.UTC(2026, 10, 23, 7, 31, 36);

export function fakeEngine() {
  const clock = new VirtualClock(T0);
  const ids = new SeededIds(7);
  return {
    clock,
    ids,
    events: new EventLog(),
    volumes: new VolumeStore(),
    networks: new NetworkStore(ids, clock),
    hostFs: new UnionFs([], new Map()),
    images: new ImageStore(),
    layers: new LayerStore(),
  };
}

/** the DaemonError `fn` throws (anything else is rethrown; no error fails the test) */
export function daemonError(fn: () => unknown): DaemonError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DaemonError) return e;
    throw e;
  }
  throw new Error('no error');
}
