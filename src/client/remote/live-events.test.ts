import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../api/events';
import type { EventsOptions } from '../../api/system';
import type { EngineClient } from '../engine-client';
import { LiveEvents } from './live-events';

/** a client whose event streams the test drives */
function fakeClient(remote: boolean) {
  const streams: { options: EventsOptions; push(e: EngineEvent): void; end(err?: Error): void; signal?: AbortSignal }[] = [];
  const client = {
    remote,
    events(options: EventsOptions, onEvent: (e: EngineEvent) => void, signal?: AbortSignal) {
      return new Promise<void>((resolve, reject) => {
        streams.push({ options, push: onEvent, end: (err) => (err ? reject(err) : resolve()), signal });
        signal?.addEventListener('abort', () => reject(new Error('The operation was aborted')));
      });
    },
  } as unknown as EngineClient & { remote: boolean };
  return { client, streams };
}

const event = (Type: EngineEvent['Type'], Action: string, ID = 'c1'): EngineEvent => ({
  Type,
  Action,
  Actor: { ID, Attributes: { name: 'web' } },
  scope: 'local',
  time: 0,
  timeNano: 0,
});

/** a schedule the test fires by hand */
function manualSchedule() {
  const due: (() => void)[] = [];
  return {
    schedule: (fn: () => void) => void due.push(fn),
    fire: () => {
      for (const f of due.splice(0)) f();
    },
    due,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LiveEvents', () => {
  it('follows nothing on the simulator', () => {
    const { client, streams } = fakeClient(false);
    const live = new LiveEvents(client, () => {});
    live.follow();
    expect(streams).toEqual([]);
    expect(live.active).toBe(false);
  });

  it('opens one stream on a real engine, filtered to what the state view draws, and batches what arrives together', () => {
    const { client, streams } = fakeClient(true);
    const s = manualSchedule();
    const batches: EngineEvent[][] = [];
    const live = new LiveEvents(client, (b) => batches.push(b), { schedule: s.schedule });
    live.follow();
    live.follow();
    expect(streams.length).toBe(1);
    expect(streams[0].options).toEqual({ filters: { type: ['container', 'image', 'volume', 'network'] } });
    streams[0].push(event('container', 'die'));
    streams[0].push(event('container', 'exec_start: sh -c true'));
    streams[0].push(event('container', 'health_status: healthy'));
    expect(s.due.length).toBe(1);
    expect(batches).toEqual([]);
    s.fire();
    expect(batches.map((b) => b.map((e) => e.Action))).toEqual([['die', 'health_status: healthy']]);
    streams[0].push(event('container', 'exec_die'));
    expect(s.due.length).toBe(0);
  });

  it('a stream that ends (the connection closed) is opened again by the next follow()', async () => {
    const { client, streams } = fakeClient(true);
    const live = new LiveEvents(client, () => {});
    live.follow();
    streams[0].end(new Error('session ended'));
    await settle();
    expect(live.active).toBe(false);
    live.follow();
    expect(streams.length).toBe(2);
  });

  it('stop() aborts the stream, drops what is pending and follows no more', async () => {
    const { client, streams } = fakeClient(true);
    const s = manualSchedule();
    const batches: EngineEvent[][] = [];
    const live = new LiveEvents(client, (b) => batches.push(b), { schedule: s.schedule });
    live.follow();
    streams[0].push(event('container', 'start'));
    live.stop();
    expect(streams[0].signal?.aborted).toBe(true);
    s.fire();
    await settle();
    expect(batches).toEqual([]);
    live.follow();
    expect(streams.length).toBe(1);
  });
});
