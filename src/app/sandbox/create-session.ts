/**
 * One sandbox for the web app (SandboxSession of src/store/contract.ts): the
 * simulator (engine, in-process client, host filesystem) with one host shell
 * per terminal, change notifications from engine events and host file writes,
 * and snapshots of the whole thing (engine/snapshot + MemoryFs snapshots).
 */
import { learnerInternet } from '../../engine/internet/sites';
import type { ProcessIO } from '../../api/io';
import type { Clock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import { resolveImage } from '../../engine/images/ops/resolve';
import type { CatalogSource } from '../../engine/registry/registry-service';
import { blobDigest, type BlobTable, RecordingSink } from '../../engine/snapshot/blob-table';
import { restoreEngine } from '../../engine/snapshot/restore-engine';
import { shutdownEngine } from '../../engine/snapshot/respawn';
import { snapshotEngine } from '../../engine/snapshot/snapshot-engine';
import type { EngineEvent } from '../../api/events';
import { LiveEvents } from '../../client/remote/live-events';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import type { SandboxChange } from '../../store/contract';
import type { ManagedSession, SessionSnapshot } from '../../store/session-factory';
import { createSimulator, type HostShellState, type Simulator, type SimulatorOptions } from '../simulator';
import { hubControl } from './hub-events';
import { checkSandboxData, SANDBOX_DATA_VERSION, type SandboxData } from './sandbox-data';

export interface SandboxSessionOptions {
  clock: Clock;
  catalog: CatalogSource;
  /** the learner's $HOME and the directory new terminals start in */
  home: string;
  cwd: string;
  /** terminal width */
  cols: number;
  user?: string;
  /** the table snapshots put file contents in (shared by every session of a store) */
  blobs: BlobTable;
  /** seed of a fresh sandbox's IDs (ignored when restoring: the snapshot holds the generator's position) */
  seed?: number;
  /** restore this snapshot instead of starting empty; throws when it is not a sandbox */
  from?: SessionSnapshot;
  /** blobs of `from` not in `blobs` yet (an imported file's): added to `blobs` only once the sandbox is made */
  incoming?: ReadonlyMap<string, Uint8Array>;
  /** see SimulatorOptions.wrapClient (the browser: the real-engine switch) */
  wrapClient?: SimulatorOptions['wrapClient'];
  /** see SimulatorOptions.editor (the browser: the editor pane) */
  editor?: SimulatorOptions['editor'];
}

/** a SandboxSession the composition root (and tests) can also reach the engine of */
export interface LocalSandboxSession extends ManagedSession {
  readonly simulator: Simulator;
}

function engineChange(sim: Simulator, e: EngineEvent): SandboxChange {
  const change: SandboxChange = { kind: 'engine', subject: e.Type, action: e.Action, id: e.Actor.ID };
  change.attributes = { ...e.Actor.Attributes };
  const name = e.Actor.Attributes.name;
  if (name !== undefined) change.name = name;
  if (e.Type === 'image' && e.Action === 'pull') {
    change.name = e.Actor.ID;
    try {
      change.id = resolveImage(sim.engine, e.Actor.ID).id;
    } catch {
      // pulled and gone already
    }
  }
  return change;
}

/** a real engine's event as a change (its objects are the real engine's, not the simulator's) */
function remoteEngineChange(e: EngineEvent): SandboxChange {
  const change: SandboxChange = { kind: 'engine', subject: e.Type, action: e.Action, id: e.Actor.ID, attributes: { ...e.Actor.Attributes } };
  const name = e.Type === 'image' && e.Action === 'pull' ? e.Actor.ID : e.Actor.Attributes.name;
  if (name !== undefined) change.name = name;
  return change;
}

export function createSandboxSession(opts: SandboxSessionOptions): LocalSandboxSession {
  const { clock, blobs } = opts;
  const incoming = opts.incoming ?? new Map<string, Uint8Array>();
  let data: SandboxData | undefined;
  if (opts.from) {
    for (const [d, bytes] of incoming) if (blobDigest(bytes) !== d) throw new Error(`the content of ${d.slice(0, 19)}… does not match its digest`);
    for (const d of opts.from.blobs) if (!blobs.has(d) && !incoming.has(d)) throw new Error(`sandbox: missing blob ${d}`);
    checkSandboxData(opts.from.data);
    data = opts.from.data;
  }
  // the restore reads the incoming blobs where they are; the table gets them once it has worked
  const source = incoming.size ? { get: (d: string) => incoming.get(d) ?? blobs.get(d) } : blobs;
  const fsOpts = { now: () => clock.now(), uid: 1000, gid: 1000 };
  const restored = data;
  const sim = createSimulator({
    clock,
    ids: new SeededIds(opts.seed ?? 1),
    catalog: opts.catalog,
    home: opts.home,
    cwd: opts.cwd,
    cols: opts.cols,
    user: opts.user,
    hostFs: restored ? MemoryFs.fromSnapshot(restored.hostFs, source, fsOpts) : undefined,
    makeEngine: restored ? (engineOpts) => restoreEngine(restored.engine, engineOpts, source) : undefined,
    wrapClient: opts.wrapClient,
    editor: opts.editor,
    hubAccounts: true,
    internet: learnerInternet(),
    hostServices: restored?.host,
  });
  for (const [d, bytes] of incoming) blobs.add(d, bytes);
  const saved: Record<string, HostShellState> = restored ? { ...restored.shells } : {};
  const shell = (id: string) => {
    const sh = sim.shell(id, saved[id]);
    delete saved[id];
    return sh;
  };

  const listeners = new Set<(c: SandboxChange) => void>();
  let dirty = false;
  let lastShells = '';
  const emit = (c: SandboxChange) => {
    dirty = true;
    for (const l of [...listeners]) l(c);
  };
  const offEvents = sim.engine.events.subscribe((e) => emit(engineChange(sim, e)));
  // on a real engine, its own events (a container exiting, a restart, a health status) reach the views live
  const live = new LiveEvents(sim.client, (events) => {
    for (const e of events) emit(remoteEngineChange(e));
  });
  // the journal changes with the services (systemctl, sudo): worth saving, nothing to redraw
  const offJournal = sim.services.journal.follow(() => {
    dirty = true;
  });
  const offFiles = sim.hostFs.onChange((c) => {
    const change: SandboxChange = { kind: 'file', subject: c.path, action: c.action };
    if (c.from !== undefined) change.id = c.from;
    emit(change);
  });
  let disposed = false;

  const shellStates = (): Record<string, HostShellState> => {
    const out: Record<string, HostShellState> = { ...saved };
    for (const [id, sh] of sim.shells()) out[id] = { cwd: sh.cwd, env: { ...sh.env }, history: [...sh.history] };
    return out;
  };
  const fingerprint = (shells: Record<string, HostShellState>) =>
    JSON.stringify(Object.entries(shells).map(([id, s]) => [id, s.cwd, s.env]));
  lastShells = fingerprint(shellStates());

  return {
    simulator: sim,
    client: sim.client,
    hostFs: sim.hostFs,
    async run(terminalId: string, line: string, io: ProcessIO): Promise<number> {
      try {
        return await shell(terminalId).run(line, io);
      } finally {
        // a real engine's events do not reach the simulator's: after each command on it, the
        // views that follow changes (the state view) read the engine again
        if (sim.client.remote && !disposed) {
          emit({ kind: 'engine', subject: 'engine', action: 'refresh' });
          live.follow();
        }
      }
    },
    prompt: (terminalId: string) => shell(terminalId).prompt(),
    attachedContainer: (terminalId: string) => sim.attachedContainer(terminalId),
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    now: () => clock.now(),
    homeDir: opts.home,
    hub: hubControl(sim.engine),
    snapshot(): SessionSnapshot {
      const sink = new RecordingSink(blobs);
      const engine = snapshotEngine(sim.engine, sink);
      sink.note(engine.blobs);
      const shells = shellStates();
      const out: SandboxData = {
        version: SANDBOX_DATA_VERSION,
        engine,
        hostFs: sim.hostFs.toSnapshot(sink),
        shells,
        host: sim.services.snapshot(),
      };
      dirty = false;
      lastShells = fingerprint(shells);
      return { data: out, blobs: [...sink.used].sort() };
    },
    changedSinceSnapshot: () => dirty || fingerprint(shellStates()) !== lastShells,
    closeTerminal(id: string) {
      sim.closeShell(id);
      delete saved[id];
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      offEvents();
      live.stop();
      offJournal();
      offFiles();
      shutdownEngine(sim.engine);
    },
  };
}
