/**
 * A minimal engine for the images/registry unit tests: the stores this area
 * owns, the stand-in Hub catalog, a virtual clock, seeded ids, and a container
 * list the tests can fill. Not used outside tests.
 */
import { VirtualClock } from '../core/clock';
import { SeededIds } from '../core/ids';
import { DaemonState } from '../daemon/daemon-state';
import type { Engine } from '../engine';
import { EventLog } from '../events/event-log';
import { LayerStore } from '../layers/layer-store';
import { ReferenceStore } from '../references/reference-store';
import type { HubCatalog } from '../registry/catalog';
import { RegistryService } from '../registry/registry-service';
import catalogJson from '../../../test/fixtures/standin-hub.json';
import { ImageStore } from './image-store';

export interface FakeContainer {
  ID: string;
  Image: string;
  State: { Running: boolean };
}

export function standinCatalog(): HubCatalog {
  return catalogJson as unknown as HubCatalog;
}

export function testEngine(): Engine & { fakeContainers: FakeContainer[]; clock: VirtualClock } {
  const fakeContainers: FakeContainer[] = [];
  const engine = {
    clock: new VirtualClock(Date.parse('2026-11-23T08:00:00Z')),
    ids: new SeededIds(7),
    layers: new LayerStore(),
    images: new ImageStore(),
    references: new ReferenceStore(),
    registries: new RegistryService(standinCatalog()),
    events: new EventLog(),
    containers: { list: () => fakeContainers },
    daemon: new DaemonState(),
    fakeContainers,
  };
  return engine as unknown as Engine & { fakeContainers: FakeContainer[]; clock: VirtualClock };
}
