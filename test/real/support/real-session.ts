/**
 * A learner's side of the real-engine mode in Node, as the browser has it:
 * the host shell and CLI of the simulator's composition (src/app/simulator)
 * on real time, with every engine call going to a session of the server
 * (connectRemote over a WebSocket). It is a TranscriptSession, so the
 * fidelity scenarios run through it with the runner's transcript machinery.
 */
import WebSocket from 'ws';
import type { ProcessIO } from '../../../src/api/io';
import type { EngineClient } from '../../../src/client/engine-client';
import { connectRemote, type RemoteEngine } from '../../../src/client/remote/connection';
import { createSimulator } from '../../../src/app/simulator';
import { SeededIds } from '../../../src/engine/core/ids';
import { PollingClock } from '../../../src/runner/polling-clock';
import { DEFAULT_CWD, DEFAULT_HOME, loadCatalog } from '../../../src/runner/session';
import type { TranscriptSession } from '../../../src/runner/transcript';
import type { MemoryFs } from '../../../src/shell/vfs/memory-fs';
import { hubctl } from './fixture';

export interface RealSession extends TranscriptSession {
  readonly clock: PollingClock;
  readonly remote: RemoteEngine;
  readonly client: EngineClient;
  readonly hostFs: MemoryFs;
  /** run a line in the host shell of terminal `terminal` (each terminal its own shell, as in the app) */
  runIn(terminal: string, line: string, io: ProcessIO): Promise<number>;
}

export async function realSession(baseUrl: string, o: { home?: string; cwd?: string; cols?: number } = {}): Promise<RealSession> {
  const clock = new PollingClock();
  let remote: RemoteEngine | undefined;
  const home = o.home ?? DEFAULT_HOME;
  const cwd = o.cwd ?? DEFAULT_CWD;
  const sim = createSimulator({
    clock,
    ids: new SeededIds(1),
    catalog: loadCatalog(),
    home,
    cwd,
    cols: o.cols ?? 120,
    // the remote is made below, once the host filesystem exists; the CLI reads the client on each call
    wrapClient: () =>
      new Proxy({} as EngineClient, {
        get: (_t, p) => {
          if (!remote) throw new Error('the real engine is not connected yet');
          return (remote.client as unknown as Record<PropertyKey, unknown>)[p];
        },
      }),
  });
  remote = await connectRemote({ baseUrl, hostFs: sim.hostFs, WebSocketImpl: WebSocket as never });
  const client = sim.client;
  return {
    clock,
    remote,
    client,
    hostFs: sim.hostFs,
    home,
    cwd,
    run: sim.run,
    runIn: (terminal, line, io) => sim.shell(terminal).run(line, io),
    // typed input waits for the command's first output (up to 8 s), as a recorder's 0.8 s of
    // quiet did on the recorded engine, which had printed its prompt by then
    firstOutputWaitMs: 8000,
    async containerNames() {
      return (await client.containerList({ all: true })).flatMap((c) => c.Names.map((n) => n.replace(/^\//, '')));
    },
    hubctl,
  };
}
