import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ProcessIO } from '../../api/io';
import { createSandboxFactory } from '../../app/sandbox/factory';
import { runIn, testCatalog } from '../../app/sandbox/test-driver';
import { VirtualClock } from '../../engine/core/clock';
import { ScreenOutput } from '../../runner/screen-output';
import { settle } from '../../runner/step-driver';
import { TerminalInput } from '../../shell/tty';
import { createSandboxStore, type SandboxStoreApi } from '../../store/create-store';
import { idbKeyValueStore } from '../../store/idb-storage';
import { containerKey } from './document-keys';
import { documentsFor } from './documents';
import { createEditorHost, lateEditorHost } from './editor-host';
import { type EditorEvent, onEditorEvent } from './editor-registry';

let db = 0;

function setup(languages = ['en-US']) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 23, 8, 0, 0));
  const editor = lateEditorHost();
  let seed = 3;
  const factory = createSandboxFactory({ clock, catalog: testCatalog(), home: '/home/learner', cwd: '/home/learner', cols: 120, newSeed: () => seed++, editor });
  const store = createSandboxStore({ factory, kv: idbKeyValueStore(`editor-host-${++db}`), languages, autosaveMs: 10_000_000 });
  editor.bind(createEditorHost(store));
  return { clock, store };
}

/** start a line in terminal t1 with a keyboard that stays open (an editor waits on it) */
function start(store: SandboxStoreApi, line: string) {
  const out = new ScreenOutput(120);
  const stdin = new TerminalInput({ echo: () => {}, interrupt: () => {} });
  const io: ProcessIO = { stdin, stdout: out, stderr: out, interrupt: new AbortController().signal };
  let status: number | undefined;
  const done = store
    .getState()
    .session.run('t1', line, io)
    .then((s) => (status = s));
  return { stdin, out, done, status: () => status };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settle();
  if (!check()) throw new Error('timed out');
}

describe('the editor pane as the editor host', () => {
  it('vim FILE opens a tab and holds the terminal until the learner closes it', async () => {
    const { store } = setup();
    const events: EditorEvent[] = [];
    const off = onEditorEvent((e) => events.push(e));
    const r = start(store, 'mkdir app && cd app && vim Dockerfile');
    await until(() => store.getState().openFiles.length > 0);
    const key = '/home/learner/app/Dockerfile';
    expect(store.getState().openFiles).toEqual([key]);
    expect(store.getState().activeFile).toBe(key);
    expect(r.out.raw()).toBe('vim: Dockerfile is open in the editor. Close its tab to come back here, or press any key.\r\n');
    // a new file: it exists only for the editor until the learner writes it (vim's [New])
    const docs = documentsFor(store.getState().session);
    expect(docs.exists(key)).toBe(true);
    expect(store.getState().session.hostFs.exists(key)).toBe(false);
    docs.write(key, 'FROM busybox\n');
    await settle();
    expect(r.status()).toBeUndefined();
    store.getState().closeFile(key);
    await r.done;
    expect(r.status()).toBe(0);
    expect(events).toEqual([
      { type: 'opened', key },
      { type: 'returned', key },
    ]);
    expect(new TextDecoder().decode(store.getState().session.hostFs.readFile(key))).toBe('FROM busybox\n');
    off();
  });

  it('a key in the terminal hands it back and leaves the tab open; a folder is refused in the learner language', async () => {
    const { store, clock } = setup(['zh-CN']);
    const r = start(store, 'nano /etc');
    await r.done;
    expect(r.status()).toBe(1);
    expect(r.out.raw()).toBe('"/etc" is a directory\r\n');
    // the learner may not write /etc/docker/daemon.json: read-only, as vim marks it; sudo may
    const v = start(store, 'vi /etc/docker/daemon.json');
    await until(() => store.getState().openFiles.length > 0);
    expect(v.out.raw()).toBe(
      'vi：/etc/docker/daemon.json 已在编辑器中以只读方式打开：你没有写它的权限（sudo vi /etc/docker/daemon.json 可以）。关闭它的标签页即可回到这里，或按任意键。\r\n',
    );
    const docs = documentsFor(store.getState().session);
    expect(docs.readOnly('/etc/docker/daemon.json')).toBe(true);
    v.stdin.type('x');
    await v.done;
    expect(v.status()).toBe(0);
    expect(store.getState().openFiles).toEqual(['/etc/docker/daemon.json']);
    // nothing typed: nothing written
    expect((await runIn(store.getState().session, clock, 't1', 'test -e /etc/docker/daemon.json')).status).toBe(1);
    store.getState().closeFile('/etc/docker/daemon.json');
    const s = start(store, 'sudo vi /etc/docker/daemon.json');
    await until(() => store.getState().openFiles.length > 0);
    expect(s.out.raw()).toBe('vi：/etc/docker/daemon.json 已在编辑器中打开。关闭它的标签页即可回到这里，或按任意键。\r\n');
    expect(docs.readOnly('/etc/docker/daemon.json')).toBe(false);
    await docs.write('/etc/docker/daemon.json', '{"registry-mirrors": ["https://mirror.example"]}\n');
    store.getState().closeFile('/etc/docker/daemon.json');
    await s.done;
    expect((await runIn(store.getState().session, clock, 't1', 'cat /etc/docker/daemon.json')).out).toBe('{"registry-mirrors": ["https://mirror.example"]}\r\n');
  });

  it("vi in a container edits the container's file through the archive API: docker diff shows it", { timeout: 60_000 }, async () => {
    const { store, clock } = setup();
    const session = store.getState().session;
    await runIn(session, clock, 't1', 'docker run -dit --name box busybox');
    const id = (await runIn(session, clock, 't1', 'docker inspect -f "{{.Id}}" box')).out.trim();
    const r = start(store, 'docker exec -it box vi /etc/group');
    const key = containerKey(id, '/etc/group');
    await until(() => store.getState().openFiles.includes(key));
    expect(r.out.raw()).toContain('vi: box:/etc/group is open in the editor.');
    const docs = documentsFor(session);
    const before = new TextDecoder().decode(docs.read(key));
    expect(before).toContain('root:x:0:');
    await docs.write(key, `${before}learners:x:1000:\n`);
    store.getState().closeFile(key);
    await r.done;
    expect(r.status()).toBe(0);
    expect((await runIn(session, clock, 't1', 'docker diff box')).out).toBe('C /etc\r\nC /etc/group\r\n');
    expect((await runIn(session, clock, 't1', 'docker exec box tail -n 1 /etc/group')).out).toBe('learners:x:1000:\r\n');
    // a missing file in a folder that exists opens empty; a missing folder is the daemon's error
    const fresh = await createEditorHost(store).open({ target: { kind: 'container', container: id, path: '/tmp/new.txt' }, program: 'vi' });
    expect(new TextDecoder().decode(docs.read(containerKey(id, '/tmp/new.txt')))).toBe('');
    await fresh.detach();
    await expect(createEditorHost(store).open({ target: { kind: 'container', container: id, path: '/nope/x' }, program: 'vi' })).rejects.toThrow(
      'Could not find the file /nope in container',
    );
  });
});
