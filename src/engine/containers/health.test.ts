import { describe, expect, it } from 'vitest';
import { inspectContainer } from './ops/inspect';
import { createContainer } from './ops/create';
import { listContainers } from './ops/list';
import { pauseContainer } from './ops/pause';
import { startContainer } from './ops/start';
import { unpauseContainer } from './ops/unpause';
import { SeededIds } from '../core/ids';
import { BlobTable } from '../snapshot/blob-table';
import { restoreEngine } from '../snapshot/restore-engine';
import { shutdownEngine } from '../snapshot/respawn';
import { snapshotEngine } from '../snapshot/snapshot-engine';
import { containerTestEngine, settle } from './test-support';

const SECOND = 1_000_000_000;

async function healthEngine(test: string[], extra: Record<string, number> = {}) {
  const t = await containerTestEngine();
  const { Id } = createContainer(t.engine, {
    config: { Image: 'busybox', Cmd: ['sleep', '1000'], Healthcheck: { Test: test, Interval: SECOND, Timeout: SECOND, ...extra } },
  });
  await startContainer(t.engine, Id);
  await settle();
  const events = () => t.engine.events.list().map((e) => e.Action).filter((a) => a.startsWith('health_status') || a.startsWith('exec_'));
  return { ...t, id: Id, status: () => listContainers(t.engine)[0]?.Status, health: () => inspectContainer(t.engine, Id).State.Health, events };
}

describe('health checks', () => {
  it('starts as "health: starting", probes every interval and turns unhealthy after Retries failures', async () => {
    const h = await healthEngine(['CMD-SHELL', 'exit 1'], { Retries: 2 });
    expect(h.status()).toBe('Up Less than a second (health: starting)');
    expect(h.health()).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
    await h.clock.advance(1000);
    expect(h.health()?.FailingStreak).toBe(1);
    expect(h.health()?.Status).toBe('starting');
    await h.clock.advance(1000);
    expect(h.status()).toBe('Up 2 seconds (unhealthy)');
    expect(h.health()?.Log.map((r) => r.ExitCode)).toEqual([1, 1]);
    expect(h.events()).toEqual([
      'exec_create: /bin/sh -c exit 1',
      'exec_start: /bin/sh -c exit 1',
      'exec_die',
      'exec_create: /bin/sh -c exit 1',
      'exec_start: /bin/sh -c exit 1',
      'exec_die',
      'health_status: unhealthy',
    ]);
    expect(listContainers(h.engine, { filters: { health: ['unhealthy'] } })).toHaveLength(1);
    expect(listContainers(h.engine, { filters: { health: ['none'] } })).toHaveLength(0);
  });

  it('a passing probe makes it healthy at once and keeps the last 5 results', async () => {
    const h = await healthEngine(['CMD', 'echo', 'ok']);
    await h.clock.advance(1000);
    expect(h.status()).toBe('Up 1 second (healthy)');
    await h.clock.advance(9000);
    const log = h.health()?.Log ?? [];
    expect(log).toHaveLength(5);
    expect(log[0]).toMatchObject({ ExitCode: 0, Output: 'ok\n' });
    expect(log[0]?.Start).toBe('2026-11-23T08:00:06Z');
  });

  it('a probe past its timeout is killed and counts as exit code -1', async () => {
    const h = await healthEngine(['CMD', 'sleep', '5'], { Retries: 1 });
    await h.clock.advance(2000);
    expect(h.health()?.Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (1s)' });
    expect(h.health()?.Status).toBe('unhealthy');
  });

  it('no probes while paused; failures in the start period do not count while starting', async () => {
    const h = await healthEngine(['CMD-SHELL', 'exit 1'], { Retries: 1, StartPeriod: 3 * SECOND });
    pauseContainer(h.engine, h.id);
    await h.clock.advance(5000);
    expect(h.health()?.Log).toHaveLength(0);
    unpauseContainer(h.engine, h.id);
    await h.clock.advance(1000);
    expect(h.health()).toMatchObject({ Status: 'unhealthy', FailingStreak: 1 });
  });

  it('NONE and an empty test run no monitor and add no health state', async () => {
    const h = await healthEngine(['NONE']);
    await h.clock.advance(3000);
    expect(h.health()).toBeUndefined();
    expect(h.status()).toBe('Up 3 seconds');
  });
});

describe('health checks across a snapshot', () => {
  it('stop with the engine that is replaced and go on in the restored one', async () => {
    const h = await healthEngine(['CMD', 'echo', 'ok']);
    await h.clock.advance(1000);
    const blobs = new BlobTable();
    const json = JSON.parse(JSON.stringify(snapshotEngine(h.engine, blobs)));
    shutdownEngine(h.engine);
    await settle();
    expect(h.clock.pendingTimers()).toBe(0);
    const restored = restoreEngine(json, { clock: h.clock, ids: new SeededIds(9), hostFs: h.engine.hostFs, catalog: h.engine.registries.catalogInUse(), runtime: h.runtime }, blobs);
    expect(inspectContainer(restored, h.id).State.Health?.Log).toHaveLength(1);
    await h.clock.advance(1000);
    expect(inspectContainer(restored, h.id).State.Health?.Log).toHaveLength(2);
  });
});
