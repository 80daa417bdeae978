/**
 * A real engine's own changes, live: while the CLI's client is a real
 * engine's (src/client/remote), follow its event stream (GET /events through
 * the server's typed `events` operation, filtered to the objects the state
 * view draws) and hand each change on, so that what containers do by
 * themselves (exit, come back under a restart policy, turn healthy) reaches
 * the views without a command. Exec events (every health probe makes three)
 * are left out; events arriving within `batchMs` of the first are handed on
 * together (the views re-read the engine once per batch, not once per event).
 *
 * follow() is cheap and idempotent: call it after each command and after a
 * switch. The stream ends with the connection (a switch back, a lost engine);
 * the next follow() on a real engine starts a new one.
 */
import type { EngineEvent } from '../../api/events';
import type { EngineClient } from '../engine-client';

/** the objects the state view draws */
export const LIVE_EVENT_TYPES = ['container', 'image', 'volume', 'network'] as const;

export interface LiveEventsOptions {
  /** ms from a batch's first event to its hand-over (default 60) */
  batchMs?: number;
  /** default: setTimeout */
  schedule?: (fn: () => void, ms: number) => void;
}

export class LiveEvents {
  private following: AbortController | undefined;
  private batch: EngineEvent[] = [];
  private timerArmed = false;
  private stopped = false;

  constructor(
    /** the client in use now (a switchable one: its calls go to the engine chosen at call time) */
    private readonly client: EngineClient,
    private readonly onBatch: (events: EngineEvent[]) => void,
    private readonly o: LiveEventsOptions = {},
  ) {}

  /** whether a stream is open now */
  get active(): boolean {
    return this.following !== undefined;
  }

  /** follow the engine in use if it is a real one and no stream is open */
  follow(): void {
    if (this.stopped || this.following || !this.client.remote) return;
    const abort = new AbortController();
    this.following = abort;
    const done = () => {
      if (this.following === abort) this.following = undefined;
    };
    this.client
      .events({ filters: { type: [...LIVE_EVENT_TYPES] } }, (e) => this.add(e), abort.signal)
      .then(done, done);
  }

  /** close the stream and forget what is pending (the session is disposed) */
  stop(): void {
    this.stopped = true;
    this.following?.abort();
    this.following = undefined;
    this.batch = [];
  }

  private add(e: EngineEvent): void {
    if (this.stopped || e.Action.startsWith('exec_')) return;
    this.batch.push(e);
    if (this.timerArmed) return;
    this.timerArmed = true;
    (this.o.schedule ?? ((fn, ms) => setTimeout(fn, ms)))(() => {
      this.timerArmed = false;
      const batch = this.batch;
      this.batch = [];
      if (batch.length > 0 && !this.stopped) this.onBatch(batch);
    }, this.o.batchMs ?? 60);
  }
}
