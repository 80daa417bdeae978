import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../core/clock';
import { SeededIds } from '../../core/ids';
import { Engine } from '../../engine';
import { UnionFs } from '../../fs/union-fs';
import { createVolume } from '../../volumes/ops/create';
import { getTimestamp, parseGoDuration } from '../timestamp';
import { diskUsage } from './df';
import { eventMatches, pastEvents, streamEvents } from './events';
import { daemonId, systemInfo } from './info';
import { serverVersion } from './version';

const T0 = Date.UTC(2026, 10, 24, 7, 0, 0);

function engine() {
  const clock = new VirtualClock(T0);
  return {
    clock,
    engine: new Engine({
      clock,
      ids: new SeededIds(3),
      hostFs: new UnionFs([], new Map()),
      catalog: { repositories: {}, layers: {} },
      runtime: { spawn: () => { throw new Error('no runtime'); } },
    }),
  };
}

describe('system', () => {
  it('reports disk usage of volumes and layers', () => {
    const { engine: e } = engine();
    const v = createVolume(e, { Name: 'data' });
    v.fs.writeFile('/a', 'hello');
    const df = diskUsage(e);
    expect(df.LayersSize).toBe(0);
    expect(df.Volumes.map((x) => [x.Name, x.UsageData])).toEqual([['data', { Size: 5, RefCount: 0 }]]);
    expect(df.Images).toEqual([]);
  });

  it('has a stable daemon ID and the 20.10 version facts', () => {
    const { engine: e } = engine();
    expect(daemonId(e)).toMatch(/^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/);
    expect(systemInfo(e)).toMatchObject({ Containers: 0, Images: 0, ServerVersion: '20.10.24+dfsg1', Driver: 'overlay2' });
    expect(serverVersion().Components.map((c) => c.Name)).toEqual(['Engine', 'containerd', 'runc', 'docker-init']);
  });

  it('parses docker time arguments', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(getTimestamp('10m', T0)).toBe(T0 - 600_000);
    expect(getTimestamp('2026-11-24T07:00:00Z', 0)).toBe(T0);
    expect(getTimestamp('2026-11-24', 0)).toBe(Date.UTC(2026, 10, 24));
    expect(getTimestamp(String(T0 / 1000), 0)).toBe(T0);
    expect(() => getTimestamp('yesterday', 0)).toThrow('failed to parse value as time or duration: "yesterday"');
  });

  it('filters and streams events', async () => {
    const { engine: e, clock } = engine();
    e.events.emit(clock.now(), 'container', 'create', 'abc', { image: 'busybox', name: 'x' });
    createVolume(e, { Name: 'vol1' });
    expect(pastEvents(e, { since: 0, filters: { type: ['volume'] } }).map((x) => x.Actor.ID)).toEqual(['vol1']);
    expect(pastEvents(e, { since: 0, filters: { container: ['x'] } }).map((x) => x.Action)).toEqual(['create']);
    expect(pastEvents(e, { since: 0, filters: { image: ['busybox:latest'] } }).length).toBe(1);
    expect(eventMatches(e.events.list()[0], { event: ['start'] })).toBe(false);
    const seen: string[] = [];
    const ac = new AbortController();
    const done = streamEvents(e, { since: T0 }, (ev) => seen.push(ev.Action), ac.signal);
    createVolume(e, { Name: 'vol2' });
    ac.abort();
    await done;
    createVolume(e, { Name: 'vol3' });
    expect(seen).toEqual(['create', 'create', 'create']);
    const untilSeen: string[] = [];
    const untilDone = streamEvents(e, { since: T0, until: T0 + 5000 }, (ev) => untilSeen.push(ev.Actor.ID));
    await clock.advance(6000);
    await untilDone;
    expect(untilSeen).toEqual(['abc', 'vol1', 'vol2', 'vol3']);
  });
});
