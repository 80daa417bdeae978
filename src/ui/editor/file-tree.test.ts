import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../../shell/vfs/memory-fs';
import { createFile, createFolder, deleteEntry, listDir, movedPath, renameEntry } from './file-tree';

function fs(): MemoryFs {
  const f = new MemoryFs({ now: () => 0 });
  f.mkdir('/home/learner/app', { recursive: true });
  f.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\n');
  f.writeFile('/home/learner/notes.txt', 'x');
  return f;
}

describe('file tree operations on the host filesystem', () => {
  it('lists folders first, then files', () => {
    expect(listDir(fs(), '/home/learner').map((e) => [e.name, e.type])).toEqual([
      ['app', 'dir'],
      ['notes.txt', 'file'],
    ]);
    expect(listDir(fs(), '/nope')).toEqual([]);
  });
  it('creates files and folders, refusing bad or taken names', () => {
    const f = fs();
    expect(createFile(f, '/home/learner/app', 'index.html')).toEqual({ ok: true, path: '/home/learner/app/index.html' });
    expect(f.readFile('/home/learner/app/index.html').length).toBe(0);
    expect(createFile(f, '/home/learner/app', 'Dockerfile')).toEqual({ ok: false, error: 'exists' });
    expect(createFile(f, '/home/learner', 'a/b')).toEqual({ ok: false, error: 'invalid-name' });
    expect(createFolder(f, '/home/learner', '..')).toEqual({ ok: false, error: 'invalid-name' });
    expect(createFolder(f, '/home/learner', 'web')).toEqual({ ok: true, path: '/home/learner/web' });
    expect(f.stat('/home/learner/web').type).toBe('dir');
    expect(createFile(f, '/home/learner/missing', 'x')).toEqual({ ok: false, error: 'not-found' });
  });
  it('renames and deletes, and follows open files', () => {
    const f = fs();
    expect(renameEntry(f, '/home/learner/app', 'site')).toEqual({ ok: true, path: '/home/learner/site' });
    expect(f.exists('/home/learner/site/Dockerfile')).toBe(true);
    expect(renameEntry(f, '/home/learner/site', 'notes.txt')).toEqual({ ok: false, error: 'exists' });
    expect(movedPath('/home/learner/app/Dockerfile', '/home/learner/app', '/home/learner/site')).toBe('/home/learner/site/Dockerfile');
    expect(movedPath('/home/learner/apps', '/home/learner/app', '/x')).toBe('/home/learner/apps');
    expect(deleteEntry(f, '/home/learner/site')).toEqual({ ok: true, path: '/home/learner/site' });
    expect(f.exists('/home/learner/site')).toBe(false);
    expect(deleteEntry(f, '/home/learner/site')).toEqual({ ok: false, error: 'not-found' });
    expect(movedPath('/home/learner/site/Dockerfile', '/home/learner/site', undefined)).toBeUndefined();
  });
});
