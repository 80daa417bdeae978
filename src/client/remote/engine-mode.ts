/**
 * The "Real engine" switch's state and actions, framework-free (the top bar
 * reads it with useSyncExternalStore). The switch is offered only while the
 * server reports a reachable engine; switching routes the CLI, the state view
 * and lesson checks to it, switching back returns them to the simulator,
 * whose state was kept all along. If the connection ends, the controller goes
 * back to the simulator by itself and says so.
 */
import type { EngineClient } from '../engine-client';
import type { SwitchableClient } from '../switchable';
import { type ConnectOptions, connectRemote, fetchEngineStatus, type RemoteEngine } from './connection';
import type { WatchableFs } from './workspace-sync';

export type EngineModeStatus = 'checking' | 'unavailable' | 'available' | 'connecting' | 'connected' | 'lost' | 'failed';

export interface EngineModeState {
  mode: 'simulator' | 'real';
  status: EngineModeStatus;
  /** the real engine's version (Docker 20.10.24) */
  version?: string;
  /** why it is unavailable, failed or lost */
  detail?: string;
  /** ms from the switch to a connected engine (benchmarks) */
  switchMs?: number;
}

interface Attached {
  switchable: SwitchableClient;
  simulator: EngineClient;
  hostFs: WatchableFs;
}

export class EngineModeController {
  private state: EngineModeState = { mode: 'simulator', status: 'checking' };
  private readonly listeners = new Set<() => void>();
  private attached: Attached | undefined;
  private remote: RemoteEngine | undefined;

  constructor(private readonly o: Omit<ConnectOptions, 'hostFs'> = {}) {}

  getState = (): EngineModeState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(s: Partial<EngineModeState>): void {
    this.state = { ...this.state, ...s };
    for (const l of [...this.listeners]) l();
  }

  /** the sandbox now in use (a new one after reset or import): its client follows the mode */
  attach(switchable: SwitchableClient, simulator: EngineClient, hostFs: WatchableFs): void {
    this.attached = { switchable, simulator, hostFs };
    if (this.remote && this.state.mode === 'real') switchable.use(this.remote.client);
  }

  async refresh(): Promise<void> {
    if (this.state.mode === 'real') return;
    const s = await fetchEngineStatus(this.o);
    if (this.getState().mode === 'real') return;
    this.set({ status: s.available ? 'available' : 'unavailable', version: s.version, detail: s.error });
  }

  async switchToReal(): Promise<void> {
    if (this.state.mode === 'real' || this.state.status === 'connecting') return;
    const t0 = performance.now();
    this.set({ status: 'connecting', detail: undefined });
    try {
      const remote = await connectRemote({ ...this.o, hostFs: this.attached?.hostFs });
      this.remote = remote;
      remote.onLost((reason) => {
        if (this.remote !== remote) return;
        this.remote = undefined;
        if (this.attached) this.attached.switchable.use(this.attached.simulator);
        this.set({ mode: 'simulator', status: 'lost', detail: reason });
      });
      this.attached?.switchable.use(remote.client);
      this.set({ mode: 'real', status: 'connected', version: remote.version || this.state.version, switchMs: performance.now() - t0 });
    } catch (err) {
      this.set({ status: 'failed', detail: err instanceof Error ? err.message : String(err) });
    }
  }

  async switchToSimulator(): Promise<void> {
    const remote = this.remote;
    this.remote = undefined;
    if (this.attached) this.attached.switchable.use(this.attached.simulator);
    this.set({ mode: 'simulator', status: 'available', detail: undefined });
    await remote?.close();
  }
}
