/**
 * The state view's live event stream on a real engine: what containers do by
 * themselves (exit, come back under a restart policy, turn healthy) reaches a
 * session's LiveEvents through the server's typed `events` operation with no
 * further command; and the warm pool hands each session a daemon of its own.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/api/events';
import { LiveEvents } from '../../src/client/remote/live-events';
import { WarmPoolLauncher } from '../../src/server/launcher/warm-pool';
import { type Harness, type LearnerSession, learner, leftovers, startServer } from './support/harness';

let h: Harness;
let l: LearnerSession;

beforeAll(async () => {
  h = await startServer({ warmPool: 1 });
  l = await learner(h);
}, 120_000);

afterAll(async () => {
  await l?.remote.close();
  await h?.close();
});

async function waitFor(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('live events from the session daemon', () => {
  it('a container exiting, a restart policy and a health status arrive without a command', { timeout: 120_000 }, async () => {
    const seen: EngineEvent[] = [];
    const live = new LiveEvents(l.remote.client, (b) => seen.push(...b));
    live.follow();
    expect(live.active).toBe(true);
    // the stream is open before the containers start
    await l.run('docker ps -q');
    const exits = await l.run("docker run -d --name quitter busybox sh -c 'sleep 1; exit 3'");
    expect(exits.status).toBe(0);
    const restarts = await l.run("docker run -d --name phoenix --restart on-failure:2 busybox sh -c 'sleep 1; exit 1'");
    expect(restarts.status).toBe(0);
    const healthy = await l.run("docker run -d --name doctor --health-cmd true --health-interval 1s busybox sleep 60");
    expect(healthy.status).toBe(0);
    const actions = (name: string) => seen.filter((e) => e.Actor.Attributes.name === name).map((e) => e.Action);

    await waitFor(() => actions('quitter').includes('die'));
    expect(seen.find((e) => e.Actor.Attributes.name === 'quitter' && e.Action === 'die')?.Actor.Attributes.exitCode).toBe('3');
    // on-failure:2: the first run and two restarts, each ending in a die
    await waitFor(() => actions('phoenix').filter((a) => a === 'die').length === 3);
    expect(actions('phoenix').filter((a) => a === 'start').length).toBe(3);
    await waitFor(() => actions('doctor').includes('health_status: healthy'));
    // health probes' exec events are left out; only the four types the state view draws come
    expect(seen.some((e) => e.Action.startsWith('exec_'))).toBe(false);
    expect(seen.filter((e) => !['container', 'image', 'volume', 'network'].includes(e.Type))).toEqual([]);
    live.stop();
    expect(live.active).toBe(false);
  });

  it('a session sees only its own daemon: another learner’s containers send it nothing', { timeout: 120_000 }, async () => {
    const other = await learner(h);
    try {
      expect(other.remote.sessionId).not.toBe(l.remote.sessionId);
      const seen: EngineEvent[] = [];
      const live = new LiveEvents(l.remote.client, (b) => seen.push(...b));
      live.follow();
      await l.run('docker ps -q');
      expect((await other.run('docker run -d --name elsewhere busybox true')).status).toBe(0);
      expect((await l.run('docker run -d --name here busybox true')).status).toBe(0);
      await waitFor(() => seen.some((e) => e.Actor.Attributes.name === 'here' && e.Action === 'die'));
      expect(seen.some((e) => e.Actor.Attributes.name === 'elsewhere')).toBe(false);
      live.stop();
    } finally {
      await other.remote.close();
    }
  });
});

describe('the warm pool', () => {
  it('hands each session a fresh daemon of its own and refills; server stop leaves nothing', { timeout: 180_000 }, async () => {
    const pool = h.launcher;
    expect(pool).toBeInstanceOf(WarmPoolLauncher);
    if (!(pool instanceof WarmPoolLauncher)) return;
    expect(await pool.whenFull()).toBe(true);
    const pooled = pool.readyIds[0];
    // a pool daemon is not a session
    expect(await pool.list()).not.toContain(pooled);
    const s = await learner(h);
    try {
      expect(s.remote.sessionId).toBe(pooled);
      expect(await pool.list()).toContain(pooled);
      // fresh: nothing another session made is there
      expect((await s.run('docker ps -aq')).out).toBe('');
      expect((await s.run('docker volume ls -q')).out).toBe('');
      expect(await pool.whenFull()).toBe(true);
      expect(pool.readyIds).not.toContain(pooled);
    } finally {
      await s.remote.close();
    }
    await waitFor(() => !readdirSync(h.stateDir).includes(pooled));
    expect(pool.readyIds.length).toBe(1);
  });

  it('server stop removes the pool daemons with the sessions', { timeout: 120_000 }, async () => {
    const ids = [l.remote.sessionId, ...(h.launcher instanceof WarmPoolLauncher ? h.launcher.readyIds : [])];
    await l.remote.close();
    await h.close();
    const left = await leftovers(h.stateDir);
    expect({ dirs: left.dirs, daemons: left.daemons }).toEqual({ dirs: [], daemons: [] });
    // (namespaces are the machine's: another suite's sessions may have theirs)
    expect(left.netns.filter((n) => ids.some((id) => n === `dy-${id}`))).toEqual([]);
  });
});

