import type { Engine } from '../engine';

/** The part of the Engine volume operations use (tests pass a small fake). */
export type VolumeEngine = Pick<Engine, 'volumes' | 'clock' | 'ids' | 'events'>;
