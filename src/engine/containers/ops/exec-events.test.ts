import { describe, expect, it } from 'vitest';
import type { ProcessIO } from '../../../api/io';
import { createVolume } from '../../volumes/ops/create';
import { NEVER_ABORTED } from '../abort';
import { containerTestEngine, settle } from '../test-support';
import { createContainer } from './create';
import { execCreate, execStart } from './exec';
import { startContainer } from './start';

const sink = { isTTY: false, write: () => {} };
const io = { stdin: { isTTY: false, read: async () => null, readLine: async () => null, readAll: async () => new Uint8Array() }, stdout: sink, stderr: sink, interrupt: NEVER_ABORTED } as ProcessIO;

describe('events', () => {
  it('name an exec by its entrypoint, a space and its arguments (a lone command keeps the space)', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['sleep', '1000'] } });
    startContainer(engine, Id);
    await execStart(engine, execCreate(engine, Id, { Cmd: ['echo'] }).Id, io);
    await execStart(engine, execCreate(engine, Id, { Cmd: ['echo', 'a', 'b'] }).Id, io);
    await settle();
    const actions = engine.events.list().map((e) => e.Action).filter((a) => a.startsWith('exec_'));
    expect(actions).toEqual(['exec_create: echo ', 'exec_start: echo ', 'exec_die', 'exec_create: echo a b', 'exec_start: echo a b', 'exec_die']);
  });

  it('log a volume "create" each time one is asked for, also when it exists (-v name:/path of a container)', async () => {
    const { engine } = await containerTestEngine();
    createVolume(engine, { Name: 'data' });
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: { Binds: ['data:/data'] } });
    const seen = engine.events.list().filter((e) => e.Type === 'volume' || e.Action === 'create').map((e) => `${e.Type} ${e.Action}`);
    expect(seen).toEqual(['volume create', 'volume create', 'container create']);
  });
});
