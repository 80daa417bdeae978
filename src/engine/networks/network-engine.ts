import type { Engine } from '../engine';

/** The part of the Engine network operations use (tests pass a small fake). */
export type NetworkEngine = Pick<Engine, 'networks' | 'clock' | 'ids' | 'events'>;

/** … plus the containers, for operations that look a container up (connect by name, traffic). */
export type NetworkContainerEngine = NetworkEngine & Pick<Engine, 'containers'>;
