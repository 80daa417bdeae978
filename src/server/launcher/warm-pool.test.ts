import { describe, expect, it } from 'vitest';
import type { EngineHandle, EngineHealth, Launcher } from './launcher';
import { WarmPoolLauncher } from './warm-pool';

/** a launcher whose starts finish when the test says so */
class FakeLauncher implements Launcher {
  readonly running = new Set<string>();
  readonly stopped: string[] = [];
  readonly pending: { id: string; finish(ok?: boolean): void }[] = [];
  readonly dead = new Set<string>();
  starts = 0;

  start(id: string): Promise<EngineHandle> {
    this.starts++;
    return new Promise((resolve, reject) => {
      this.pending.push({
        id,
        finish: (ok = true) => {
          if (!ok) return reject(new Error('dockerd exited'));
          this.running.add(id);
          resolve({ sessionId: id, address: { socketPath: `/x/${id}` }, mode: 'daemon', workspace: `/x/${id}/w`, hostNetwork: {} as never, startMs: 2500 });
        },
      });
    });
  }
  async stop(id: string): Promise<void> {
    this.running.delete(id);
    this.stopped.push(id);
  }
  async health(id: string): Promise<EngineHealth> {
    return this.running.has(id) && !this.dead.has(id) ? { ok: true, version: '20.10.24' } : { ok: false };
  }
  async list(): Promise<string[]> {
    return [...this.running];
  }
  async removeOrphans(): Promise<string[]> {
    return [];
  }
  /** finish the oldest start in flight */
  async finishNext(ok = true): Promise<string> {
    const p = this.pending.shift();
    if (!p) throw new Error('no start in flight');
    p.finish(ok);
    await flush();
    return p.id;
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('WarmPoolLauncher', () => {
  it('fills only after the orphan clean-up, hands a ready engine to one session under its id and starts a replacement', async () => {
    const inner = new FakeLauncher();
    const pool = new WarmPoolLauncher(inner, { size: 1 });
    expect(inner.starts).toBe(0);
    await pool.removeOrphans();
    expect(inner.starts).toBe(1);
    const warm = await inner.finishNext();
    expect(pool.readyCount).toBe(1);
    expect(await pool.list()).toEqual([]);

    const h = await pool.start('aaaaaaaaaaaa');
    expect(h.sessionId).toBe(warm);
    expect(h.startMs).toBeLessThan(2500);
    expect(pool.readyCount).toBe(0);
    expect(inner.starts).toBe(2);
    expect(await pool.list()).toEqual([warm]);

    // the next session gets the replacement, never the first session's engine
    const replacement = await inner.finishNext();
    const h2 = await pool.start('bbbbbbbbbbbb');
    expect(h2.sessionId).toBe(replacement);
    expect(h2.sessionId).not.toBe(h.sessionId);
    await pool.stop(h.sessionId);
    expect(inner.stopped).toEqual([warm]);
  });

  it('a session that finds the pool empty waits for the engine already starting', async () => {
    const inner = new FakeLauncher();
    const pool = new WarmPoolLauncher(inner, { size: 1 });
    await pool.removeOrphans();
    const started = pool.start('cccccccccccc');
    await flush();
    expect(inner.starts).toBe(2); // the one in flight goes to the session; the pool starts its own
    const first = await inner.finishNext();
    expect((await started).sessionId).toBe(first);
    await inner.finishNext();
    expect(pool.readyCount).toBe(1);
  });

  it('starts the session itself when nothing is starting, and skips a pool engine that died', async () => {
    const inner = new FakeLauncher();
    const pool = new WarmPoolLauncher(inner, { size: 1 });
    await pool.removeOrphans();
    const dead = await inner.finishNext();
    inner.dead.add(dead);
    const started = pool.start('dddddddddddd');
    await flush();
    await flush();
    expect(inner.stopped).toEqual([dead]);
    // nothing was starting: the session starts its own engine under the id it asked for, the pool its replacement
    expect(inner.pending.map((p) => p.id)).toContain('dddddddddddd');
    expect(inner.pending.length).toBe(2);
    inner.pending.find((p) => p.id === 'dddddddddddd')?.finish();
    expect((await started).sessionId).toBe('dddddddddddd');
  });

  it('a failed start falls back to starting the session directly; refilling pauses after three failures', async () => {
    const inner = new FakeLauncher();
    const logs: string[] = [];
    const pool = new WarmPoolLauncher(inner, { size: 1, log: (l) => logs.push(l) });
    await pool.removeOrphans();
    const started = pool.start('eeeeeeeeeeee');
    await flush();
    const failPoolStart = async () => {
      const i = inner.pending.findIndex((p) => p.id !== 'eeeeeeeeeeee');
      expect(i).toBeGreaterThanOrEqual(0);
      inner.pending.splice(i, 1)[0].finish(false);
      await flush();
    };
    await failPoolStart(); // the one the session waited for: it starts its own now
    expect(inner.pending.map((p) => p.id)).toContain('eeeeeeeeeeee');
    await failPoolStart();
    await failPoolStart();
    expect(inner.pending.map((p) => p.id)).toEqual(['eeeeeeeeeeee']);
    inner.pending[0].finish();
    expect((await started).sessionId).toBe('eeeeeeeeeeee');
    expect(logs.filter((l) => l.startsWith('pool engine did not start')).length).toBe(3);
  });

  it('close() stops the ready engines and one that finishes starting afterwards', async () => {
    const inner = new FakeLauncher();
    const pool = new WarmPoolLauncher(inner, { size: 2 });
    await pool.removeOrphans();
    const a = await inner.finishNext();
    const closing = pool.close();
    const b = await inner.finishNext();
    await closing;
    expect(inner.stopped.sort()).toEqual([a, b].sort());
    expect(inner.running.size).toBe(0);
    void pool.start('ffffffffffff');
    await flush();
    expect(inner.pending.map((p) => p.id)).toEqual(['ffffffffffff']);
  });

  it('size 0 is no pool: every session starts its own engine', async () => {
    const inner = new FakeLauncher();
    const pool = new WarmPoolLauncher(inner, { size: 0 });
    await pool.removeOrphans();
    expect(inner.starts).toBe(0);
    const started = pool.start('111111111111');
    await flush();
    await inner.finishNext();
    expect((await started).sessionId).toBe('111111111111');
    expect(inner.starts).toBe(1);
  });
});
