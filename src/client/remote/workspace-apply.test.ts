import { describe, expect, it } from 'vitest';
import { textDecoder, textEncoder } from '../../api/fs';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import type { WorkspaceApi, WorkspaceDiff } from '../protocol/workspace-api';
import { applyWorkspaceDiff, parseWorkspaceDiff } from './workspace-apply';
import { WorkspaceSync } from './workspace-sync';

const file = (path: string, body: string, uid = 0) => ({ type: 'file' as const, path, mode: 0o644, uid, gid: uid, mtime: 1000, data: textEncoder.encode(body) });
const dir = (path: string) => ({ type: 'dir' as const, path, mode: 0o755, uid: 0, gid: 0, mtime: 1000 });
const diff = (d: Partial<WorkspaceDiff>): WorkspaceDiff => ({ changed: [], removed: [], skipped: [], more: false, ...d });

describe('applyWorkspaceDiff', () => {
  it('makes what containers made, owned by them, and keeps the owner of what the learner has', () => {
    const fs = new MemoryFs();
    fs.mkdir('/home/l/site', { recursive: true });
    fs.chown('/home/l/site', 1000, 1000);
    const r = applyWorkspaceDiff(fs, ['/home/l/site', '/src/webapp'], diff({ changed: [dir('/src/webapp'), dir('/home/l/site'), file('/home/l/site/from-container.txt', 'hi\n')] }));
    expect(r.applied).toBe(3);
    expect(fs.lstat('/src/webapp').type).toBe('dir');
    expect(fs.lstat('/home/l/site').uid).toBe(1000);
    expect(fs.lstat('/home/l/site/from-container.txt').uid).toBe(0);
    expect(textDecoder.decode(fs.readFile('/home/l/site/from-container.txt'))).toBe('hi\n');
  });

  it('removes what went away', () => {
    const fs = new MemoryFs();
    fs.mkdir('/d/sub', { recursive: true });
    fs.writeFile('/d/sub/a', 'a');
    fs.writeFile('/d/b', 'b');
    applyWorkspaceDiff(fs, ['/d'], diff({ removed: ['/d/sub', '/d/b'] }));
    expect(fs.readdir('/d')).toEqual([]);
  });

  it('writes nothing outside the roots nor through a link of the learner', () => {
    const fs = new MemoryFs();
    fs.mkdir('/etc', { recursive: true });
    fs.writeFile('/etc/passwd', 'root');
    fs.mkdir('/d', { recursive: true });
    fs.symlink('/etc', '/d/link');
    fs.symlink('/etc', '/linkroot');
    const r = applyWorkspaceDiff(
      fs,
      ['/d', '/linkroot'],
      diff({ changed: [file('/d/link/passwd', 'owned'), file('/etc/passwd', 'owned'), file('/d/../etc/passwd', 'owned'), file('/linkroot/passwd', 'owned')], removed: ['/d/link'] }),
    );
    expect(r.applied).toBe(0);
    expect(r.refused).toHaveLength(5);
    expect(textDecoder.decode(fs.readFile('/etc/passwd'))).toBe('root');
    expect(fs.lstat('/d/link').type).toBe('symlink');
  });

  it('takes no garbage for a diff', () => {
    for (const raw of [null, 'x', { changed: 'x' }, { changed: [], removed: [], skipped: [], more: false, extra: 1 }, { changed: [{ type: 'file', path: '/a', mode: 1, uid: 0, gid: 0, mtime: 0, data: 'text' }], removed: [], skipped: [], more: false }])
      expect(parseWorkspaceDiff(raw)).toBeUndefined();
  });
});

describe('WorkspaceSync.pull', () => {
  it('applies the diff without sending it back, and survives a failing server', async () => {
    const fs = new MemoryFs();
    fs.mkdir('/home/l/site', { recursive: true });
    const writes: string[] = [];
    let answer: unknown = diff({ changed: [file('/home/l/site/x', 'from the container')] });
    const api: WorkspaceApi = {
      async workspaceWrite(d) {
        writes.push(d);
      },
      async workspaceRemove() {},
      async workspaceDiff() {
        if (answer instanceof Error) throw answer;
        return answer as WorkspaceDiff;
      },
    };
    const sync = new WorkspaceSync(fs, api);
    await sync.sync(['/home/l/site', '/src/missing']);
    expect(writes).toEqual(['/home/l']);
    await sync.pull();
    await sync.flush();
    expect(textDecoder.decode(fs.readFile('/home/l/site/x'))).toBe('from the container');
    expect(writes).toEqual(['/home/l']);
    // the learner's own edit still goes to the server
    fs.writeFile('/home/l/site/x', 'edited');
    await sync.flush();
    expect(writes).toEqual(['/home/l', '/home/l/site']);
    answer = new Error('gone');
    expect(await sync.pull()).toBeUndefined();
    answer = { garbage: true };
    expect(await sync.pull()).toBeUndefined();
  });
});
