/**
 * A reload while `docker run -it` runs: the store notes the container the
 * terminal's command attached to, with the sandbox saved once it started, so
 * the next page attaches to it again instead of running the command again.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ProcessIO } from '../api/io';
import { createSandboxFactory } from '../app/sandbox/factory';
import { runIn, testCatalog } from '../app/sandbox/test-driver';
import { VirtualClock } from '../engine/core/clock';
import { ScreenOutput } from '../runner/screen-output';
import { settle } from '../runner/step-driver';
import { TerminalInput } from '../shell/tty';
import { planResume } from '../ui/terminal/resume';
import { openSandboxStore } from './create-store';
import { idbKeyValueStore } from './idb-storage';

const catalog = testCatalog();

function deps(kv: ReturnType<typeof idbKeyValueStore>, clock: VirtualClock) {
  let seed = 10;
  const factory = createSandboxFactory({ clock, catalog, home: '/home/learner', cwd: '/home/learner', cols: 120, newSeed: () => seed++ });
  return { factory, kv, languages: ['en-US'], autosaveMs: 10_000_000 };
}

describe('runningAttached', () => {
  it('notes the container `docker run -it` attached to and saves the sandbox with it running', { timeout: 60_000 }, async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));
    const kv = idbKeyValueStore('dockyard-test-attached');
    const a = await openSandboxStore(deps(kv, clock));
    const pull = await runIn(a.getState().session, clock, 't1', 'docker pull busybox');
    expect(pull.status).toBe(0);

    const line = 'docker run -it --name box busybox sh';
    a.getState().commandStarted('t1', line);
    const screen = new ScreenOutput(120);
    const stdin = new TerminalInput({ echo: () => {}, interrupt: () => {} });
    const io: ProcessIO = { stdin: stdin.reader(), stdout: screen, stderr: screen, interrupt: new AbortController().signal };
    let status: number | undefined;
    void a
      .getState()
      .session.run('t1', line, io)
      .then((s) => {
        status = s;
      });
    for (let i = 0; i < 20; i++) await settle();
    expect(status).toBeUndefined();
    const id = a.getState().runningAttached.t1;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(a.getState().runningCommands.t1).toBe(line);

    // the next page, without any other save: the container is there, running, and a reload attaches to it
    const b = await openSandboxStore(deps(kv, clock));
    expect(b.getState().runningAttached).toEqual({ t1: id });
    expect(b.getState().runningCommands).toEqual({ t1: line });
    expect(await planResume(line, id, b.getState().session.client)).toEqual({ kind: 'attach', container: 'box' });

    // the first page's command ends: nothing is noted any more
    stdin.type('exit\r');
    for (let i = 0; i < 20 && status === undefined; i++) await settle();
    expect(status).toBe(0);
    a.getState().commandFinished('t1', line, 0);
    expect(a.getState().runningAttached).toEqual({});
    expect(a.getState().session.attachedContainer?.('t1')).toBeUndefined();
  });
});
