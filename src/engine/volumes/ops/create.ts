/**
 * POST /volumes/create (moby volume/service Create + local driver). Creating a
 * name that exists returns the existing volume unchanged, as dockerd does.
 */
import { invalidParameter, notFound } from '../../../api/errors';
import type { VolumeCreateBody } from '../../../api/volume';
import { generateId } from '../../core/ids';
import type { VolumeEngine } from '../volume-engine';
import type { VolumeRecord } from '../volume-store';

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const LOCAL_OPTS = ['type', 'device', 'o', 'size'];

export interface CreateVolumeOptions {
  /** created by a container (image VOLUME, -v name:/path): Labels/Options stay null */
  byContainer?: boolean;
}

export function createVolume(engine: VolumeEngine, body: VolumeCreateBody = {}, opts: CreateVolumeOptions = {}): VolumeRecord {
  const anonymous = !body.Name;
  const name = body.Name || generateId(engine.ids);
  const driver = body.Driver || 'local';
  const existing = engine.volumes.get(name);
  if (existing) {
    // the volume service logs "create" for every Create call, also one that finds the volume there
    engine.events.emit(engine.clock.now(), 'volume', 'create', name, { driver: existing.driver });
    return existing;
  }
  if (driver !== 'local') {
    // the plugin getter's error is a NotFound (docker run pulls the image again, then fails the same way)
    throw notFound(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
  }
  validateName(name);
  validateOptions(name, body.DriverOpts ?? {});
  const rec = engine.volumes.add(
    {
      name,
      driver,
      labels: opts.byContainer ? (body.Labels ?? null) : { ...(body.Labels ?? {}) },
      options: opts.byContainer ? (body.DriverOpts ?? null) : { ...(body.DriverOpts ?? {}) },
      createdAt: engine.clock.now(),
      anonymous: anonymous && !!opts.byContainer,
    },
    () => engine.clock.now(),
  );
  engine.events.emit(engine.clock.now(), 'volume', 'create', name, { driver });
  return rec;
}

function validateName(name: string): void {
  if (name.length === 1) {
    throw invalidParameter(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  }
  if (!VALID_NAME.test(name)) {
    throw invalidParameter(
      `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
    );
  }
}

function validateOptions(name: string, opts: Record<string, string>): void {
  for (const key of Object.keys(opts)) {
    if (!LOCAL_OPTS.includes(key)) throw invalidParameter(`create ${name}: invalid option: "${key}"`);
  }
  if (opts.type !== undefined && opts.device === undefined) {
    throw invalidParameter(`create ${name}: missing required option: "device"`);
  }
  if (opts.device !== undefined && opts.type === undefined) {
    throw invalidParameter(`create ${name}: missing required option: "type"`);
  }
}
