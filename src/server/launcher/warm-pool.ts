/**
 * A small pool of pre-started session engines in front of a launcher: most of
 * a session's start is dockerd's own (2–5 s), so a few daemons are started
 * ahead, each with a fresh data root, exec root, socket and namespace of its
 * own. start() hands out a ready one (the session takes its id) and starts a
 * replacement in the background; with none ready it waits for one already
 * starting, or starts one itself.
 *
 * Isolation holds as without the pool: a pool engine is handed out once, to
 * one session, and stop() removes it with everything it had; nothing is ever
 * given back to the pool. Engines the pool holds are not sessions (list()
 * leaves them out); close() stops them and removes their data roots, and the
 * inner launcher's removeOrphans() removes what a crashed server's pool left.
 * The pool starts filling only once removeOrphans() has run, so the clean-up
 * at start never meets a pool engine half started.
 */
import type { EngineHandle, EngineHealth, Launcher } from './launcher';
import { newSessionId } from './local-dockerd';

export interface WarmPoolOptions {
  /** engines kept ready (0: none, every session starts its own) */
  size: number;
  /** told when a pool engine fails to start */
  log?: (line: string) => void;
}

export class WarmPoolLauncher implements Launcher {
  private readonly ready: EngineHandle[] = [];
  /** starts in flight, handed to the first waiter when they finish */
  private starting = 0;
  private readonly waiters: ((h: EngineHandle | undefined) => void)[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private filling = false;
  private closed = false;
  /** consecutive failed starts: refilling pauses after a few, so a broken host is not hammered */
  private failures = 0;

  constructor(
    private readonly inner: Launcher,
    private readonly o: WarmPoolOptions,
  ) {}

  /** engines ready to be handed out now */
  get readyCount(): number {
    return this.ready.length;
  }

  /** the ids of the engines ready now (not sessions) */
  get readyIds(): string[] {
    return this.ready.map((h) => h.sessionId);
  }

  /** resolves when the pool holds `size` ready engines (or gave up refilling) */
  async whenFull(timeoutMs = 60_000): Promise<boolean> {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
      if (this.ready.length >= this.o.size) return true;
      if (this.inFlight.size === 0 && !this.filling) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  async start(sessionId: string): Promise<EngineHandle> {
    const t0 = performance.now();
    let h = await this.takeReady();
    if (!h && this.starting > this.waiters.length) {
      // one already starting is nearer its end than one started now
      const next = new Promise<EngineHandle | undefined>((r) => this.waiters.push(r));
      this.refill();
      h = await next;
    } else this.refill();
    if (h) return { ...h, startMs: performance.now() - t0 };
    return this.inner.start(sessionId);
  }

  /** a ready engine that still answers (one that died while waiting is removed) */
  private async takeReady(): Promise<EngineHandle | undefined> {
    for (let h = this.ready.shift(); h; h = this.ready.shift()) {
      if ((await this.inner.health(h.sessionId)).ok) return h;
      this.o.log?.(`pool engine ${h.sessionId} stopped answering; removed`);
      await this.inner.stop(h.sessionId).catch(() => {});
    }
    return undefined;
  }

  async stop(sessionId: string): Promise<void> {
    const i = this.ready.findIndex((h) => h.sessionId === sessionId);
    if (i >= 0) this.ready.splice(i, 1);
    await this.inner.stop(sessionId);
  }

  async stopDaemon(sessionId: string): Promise<void> {
    if (!this.inner.stopDaemon) throw new Error('this launcher cannot stop a session daemon');
    await this.inner.stopDaemon(sessionId);
  }

  startDaemon(sessionId: string, config: Record<string, unknown>): Promise<{ ok: boolean; log: string[] }> {
    if (!this.inner.startDaemon) throw new Error('this launcher cannot start a session daemon');
    return this.inner.startDaemon(sessionId, config);
  }

  health(sessionId: string): Promise<EngineHealth> {
    return this.inner.health(sessionId);
  }

  async list(): Promise<string[]> {
    const pooled = new Set(this.ready.map((h) => h.sessionId));
    return (await this.inner.list()).filter((id) => !pooled.has(id));
  }

  async removeOrphans(): Promise<string[]> {
    const removed = await this.inner.removeOrphans();
    this.filling = true;
    this.refill();
    return removed;
  }

  /** stop filling, stop every engine the pool holds and remove their data roots */
  async close(): Promise<void> {
    this.closed = true;
    this.filling = false;
    await Promise.all([...this.inFlight]);
    for (const w of this.waiters.splice(0)) w(undefined);
    await Promise.all(this.ready.splice(0).map((h) => this.inner.stop(h.sessionId).catch(() => {})));
    await this.inner.close?.();
  }

  private refill(): void {
    if (!this.filling || this.closed || this.failures >= 3) return;
    while (this.ready.length + this.starting - this.waiters.length < this.o.size) {
      this.starting++;
      const id = newSessionId();
      const p = this.inner.start(id).then(
        (h) => {
          this.failures = 0;
          const w = this.waiters.shift();
          if (w) w(h);
          else if (this.closed) return this.inner.stop(h.sessionId);
          else this.ready.push(h);
        },
        (err: unknown) => {
          this.failures++;
          this.o.log?.(`pool engine did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
          this.waiters.shift()?.(undefined);
        },
      );
      const tracked = p.finally(() => {
        this.starting--;
        this.inFlight.delete(tracked);
        this.refill();
      });
      this.inFlight.add(tracked);
    }
  }
}
