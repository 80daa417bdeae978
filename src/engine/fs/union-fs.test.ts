import { describe, expect, it } from 'vitest';
import { FsError, textDecoder } from '../../api/fs';
import type { LayerEntry, LayerFiles } from './layer-entry';
import { SubFs } from './sub-fs';
import { UnionFs } from './union-fs';

const dir = (mode = 0o755): LayerEntry => ({ kind: 'dir', mode, uid: 0, gid: 0, mtime: 1 });
const file = (text: string, mode = 0o644): LayerEntry => ({
  kind: 'file',
  mode,
  uid: 0,
  gid: 0,
  mtime: 1,
  size: text.length,
  data: new TextEncoder().encode(text),
});
const link = (target: string): LayerEntry => ({ kind: 'symlink', target, mode: 0o777, uid: 0, gid: 0, mtime: 1 });

function base(): LayerFiles {
  return new Map<string, LayerEntry>([
    ['/bin', dir()],
    ['/bin/sh', file('#!sh', 0o755)],
    ['/etc', dir()],
    ['/etc/hostname', file('old\n')],
    ['/root', dir(0o700)],
    ['/usr', dir()],
    ['/usr/share', dir()],
    ['/usr/share/nginx', dir()],
    ['/usr/share/nginx/html', dir()],
    ['/usr/share/nginx/html/index.html', file('<h1>Welcome to nginx!</h1>\n')],
    ['/usr/share/nginx/html/50x.html', file('error\n')],
    ['/lib', link('usr/lib')],
    ['/usr/lib', dir()],
    ['/usr/lib/libc.so', file('ELF')],
  ]);
}

const read = (fs: UnionFs, p: string) => textDecoder.decode(fs.readFile(p));
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('UnionFs', () => {
  it('reads through layers, top layer wins, whiteouts and opaque dirs hide lower paths', () => {
    const l2: LayerFiles = new Map<string, LayerEntry>([
      ['/etc/hostname', file('new\n')],
      ['/usr/share/nginx/html/50x.html', { kind: 'whiteout' }],
      ['/root', { kind: 'dir', mode: 0o700, uid: 0, gid: 0, mtime: 2, opaque: true }],
      ['/root/.profile', file('x')],
    ]);
    const lower1 = base();
    lower1.set('/root/.bashrc', file('PS1'));
    const fs = new UnionFs([lower1, l2]);
    expect(read(fs, '/etc/hostname')).toBe('new\n');
    expect(fs.exists('/usr/share/nginx/html/50x.html')).toBe(false);
    expect(fs.readdir('/root')).toEqual(['.profile']);
    expect(fs.readdir('/')).toEqual(['bin', 'etc', 'lib', 'root', 'usr']);
  });

  it('copies up on write and reports docker diff in Docker order (scenario 13)', () => {
    const fs = new UnionFs([base()], new Map(), { now: () => 5 });
    fs.writeFile('/usr/share/nginx/html/index.html', '<h1>Hello, Docker!</h1>\n');
    fs.writeFile('/root/.bash_history', 'exit\n');
    expect(read(fs, '/usr/share/nginx/html/index.html')).toBe('<h1>Hello, Docker!</h1>\n');
    expect(fs.changes()).toEqual([
      { Kind: 0, Path: '/usr' },
      { Kind: 0, Path: '/usr/share' },
      { Kind: 0, Path: '/usr/share/nginx' },
      { Kind: 0, Path: '/usr/share/nginx/html' },
      { Kind: 0, Path: '/usr/share/nginx/html/index.html' },
      { Kind: 0, Path: '/root' },
      { Kind: 1, Path: '/root/.bash_history' },
    ]);
    // the lower layer is untouched
    const again = new UnionFs([base()]);
    expect(read(again, '/usr/share/nginx/html/index.html')).toContain('Welcome');
    expect(fs.upper().get('/usr/share/nginx/html/index.html')?.kind).toBe('file');
    expect(fs.stat('/root').mode).toBe(0o700);
  });

  it('whiteouts deleted lower paths and forgets deleted upper-only paths', () => {
    const fs = new UnionFs([base()]);
    fs.unlink('/etc/hostname');
    fs.writeFile('/etc/tmp', 'x');
    fs.unlink('/etc/tmp');
    expect(fs.exists('/etc/hostname')).toBe(false);
    expect(fs.upper().get('/etc/hostname')).toEqual({ kind: 'whiteout' });
    expect(fs.upper().has('/etc/tmp')).toBe(false);
    expect(fs.changes()).toEqual([
      { Kind: 0, Path: '/etc' },
      { Kind: 2, Path: '/etc/hostname' },
    ]);
  });

  it('makes a removed-then-recreated lower dir opaque', () => {
    const fs = new UnionFs([base()]);
    fs.rmdir('/usr/share/nginx/html', { recursive: true });
    expect(fs.exists('/usr/share/nginx/html/index.html')).toBe(false);
    fs.mkdir('/usr/share/nginx/html');
    expect(fs.readdir('/usr/share/nginx/html')).toEqual([]);
    const e = fs.upper().get('/usr/share/nginx/html');
    expect(e?.kind === 'dir' && e.opaque).toBe(true);
    fs.writeFile('/usr/share/nginx/html/index.html', 'new');
    expect(fs.readdir('/usr/share/nginx/html')).toEqual(['index.html']);
    expect(fs.changes().map((c) => `${'CAD'[c.Kind]} ${c.Path}`)).toEqual([
      'C /usr',
      'C /usr/share',
      'C /usr/share/nginx',
      'C /usr/share/nginx/html',
      'C /usr/share/nginx/html/index.html',
      'D /usr/share/nginx/html/50x.html',
    ]);
  });

  it('copies up on chmod without changing content', () => {
    const fs = new UnionFs([base()]);
    fs.chmod('/bin/sh', 0o700);
    expect(fs.stat('/bin/sh').mode).toBe(0o700);
    expect(read(fs, '/bin/sh')).toBe('#!sh');
    expect(fs.changes()).toEqual([
      { Kind: 0, Path: '/bin' },
      { Kind: 0, Path: '/bin/sh' },
    ]);
  });

  it('resolves relative and absolute symlinks inside the root', () => {
    const fs = new UnionFs([base()]);
    expect(read(fs, '/lib/libc.so')).toBe('ELF');
    fs.symlink('/etc/hostname', '/root/h');
    expect(read(fs, '/root/h')).toBe('old\n');
    expect(fs.lstat('/root/h').type).toBe('symlink');
    expect(fs.readlink('/root/h')).toBe('/etc/hostname');
    fs.symlink('../../etc', '/usr/lib/e');
    expect(read(fs, '/usr/lib/e/hostname')).toBe('old\n');
    fs.symlink('/../../../etc', '/root/up');
    expect(fs.readdir('/root/up')).toContain('hostname');
    fs.symlink('/root/loop', '/root/loop');
    expect(code(() => fs.stat('/root/loop'))).toBe('ELOOP');
    // writing through a symlink writes its target
    fs.writeFile('/root/h', 'via link\n');
    expect(read(fs, '/etc/hostname')).toBe('via link\n');
  });

  it('throws POSIX errors', () => {
    const fs = new UnionFs([base()]);
    expect(code(() => fs.readFile('/nope'))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/nope/x', ''))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc/hostname/x'))).toBe('ENOTDIR');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.rmdir('/etc'))).toBe('ENOTEMPTY');
    expect(code(() => fs.unlink('/etc'))).toBe('EISDIR');
    expect(code(() => fs.mkdir('/etc', { recursive: true }))).toBe('ok');
    expect(code(() => fs.mkdir('/etc/hostname', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.readlink('/etc'))).toBe('EINVAL');
  });

  it('renames files and directories', () => {
    const fs = new UnionFs([base()], new Map(), { now: () => 9 });
    fs.rename('/usr/share/nginx/html', '/srv');
    expect(fs.readdir('/srv')).toEqual(['50x.html', 'index.html']);
    expect(fs.exists('/usr/share/nginx/html')).toBe(false);
    fs.rename('/srv/50x.html', '/srv/index.html');
    expect(read(fs, '/srv/index.html')).toBe('error\n');
    expect(fs.readdir('/srv')).toEqual(['index.html']);
  });

  it('appends', () => {
    const fs = new UnionFs([base()]);
    fs.appendFile('/etc/hostname', 'more\n');
    fs.appendFile('/etc/new', 'a');
    expect(read(fs, '/etc/hostname')).toBe('old\nmore\n');
    expect(read(fs, '/etc/new')).toBe('a');
  });

  it('shows mounts inside the root; read-only mounts refuse writes', () => {
    const fs = new UnionFs([base()]);
    const vol = new UnionFs([]);
    vol.writeFile('/dump.rdb', 'data');
    fs.mount('/data', vol);
    expect(fs.readdir('/')).toContain('data');
    expect(read(fs, '/data/dump.rdb')).toBe('data');
    fs.writeFile('/data/new', 'n');
    expect(read(vol, '/new')).toBe('n');
    expect(fs.upper().has('/data/new')).toBe(false);
    expect(fs.changes()).toEqual([{ Kind: 1, Path: '/data' }]);

    const host = new UnionFs([]);
    host.mkdir('/tmp/src/webapp', { recursive: true });
    host.writeFile('/tmp/src/webapp/app.py', 'print(1)');
    fs.mount('/usr/share/nginx/html', new SubFs(host, '/tmp/src/webapp'), true);
    expect(fs.readdir('/usr/share/nginx/html')).toEqual(['app.py']);
    expect(code(() => fs.writeFile('/usr/share/nginx/html/x', ''))).toBe('EROFS');
    expect(code(() => fs.readFile('/usr/share/nginx/html/nope'))).toBe('ENOENT');
    // the mount's own files are not part of the container's tree
    expect([...fs.walk()].map(([p]) => p)).not.toContain('/data/dump.rdb');
    expect([...fs.walk()].map(([p]) => p)).toContain('/data');
  });

  it('mounts a single host file over an image file', () => {
    const fs = new UnionFs([base()]);
    const host = new UnionFs([]);
    host.writeFile('/app.conf', 'conf');
    fs.mount('/etc/hostname', new SubFs(host, '/app.conf'), true);
    fs.mount('/etc/new.conf', new SubFs(host, '/app.conf'));
    expect(read(fs, '/etc/hostname')).toBe('conf');
    expect(read(fs, '/etc/new.conf')).toBe('conf');
    fs.writeFile('/etc/new.conf', 'changed');
    expect(read(host, '/app.conf')).toBe('changed');
    expect(code(() => fs.writeFile('/etc/hostname', 'x'))).toBe('EROFS');
  });

  it('is a plain in-memory filesystem without lower layers', () => {
    const fs = new UnionFs([]);
    fs.mkdir('/a/b/c', { recursive: true });
    fs.writeFile('/a/b/c/f', 'x');
    expect(fs.readdir('/a/b')).toEqual(['c']);
    fs.rmdir('/a', { recursive: true });
    expect(fs.readdir('/')).toEqual([]);
    expect(fs.upper().size).toBe(0);
  });

  it('rebuilds its indexes from an existing upper layer (container restart)', () => {
    const fs = new UnionFs([base()]);
    fs.writeFile('/root/x', '1');
    fs.unlink('/etc/hostname');
    const again = new UnionFs([base()], fs.upper());
    expect(again.readdir('/root')).toEqual(['x']);
    expect(again.exists('/etc/hostname')).toBe(false);
    expect(again.changes()).toEqual(fs.changes());
  });
});
