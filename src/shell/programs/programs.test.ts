import { describe, expect, it } from 'vitest';
import type { HostNetwork } from '../../api/net';
import { createShell } from '../shell';
import { FakeClock, hostShell, run } from '../testing/harness';
import { MemoryFs } from '../vfs/memory-fs';

describe('text programs', () => {
  it('echo and printf', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'echo -n a; echo -e "b\\tc"; echo "d\\n"')).out).toBe('ab\tc\nd\\n\n');
    expect((await run(sh, "printf '%s\\n' a b c")).out).toBe('a\nb\nc\n');
    expect((await run(sh, "printf '%5d|%-3s|%03d|%x|%q\\n' 42 ab 7 255 'a b'")).out).toBe('   42|ab |007|ff|a\\ b\n');
    expect((await run(sh, "printf '%d\\n' abc")).err).toBe('printf: abc: invalid number\n');
  });

  it('head, tail, wc, cut, sort, uniq, tr, grep, sed', async () => {
    const { sh, fs } = hostShell();
    fs.writeFile('/root/n', '3\n1\n2\n2\n10\n');
    expect((await run(sh, 'head -2 n; head -n 1 n; tail -2 n; tail -n +4 n')).out).toBe('3\n1\n3\n2\n10\n2\n10\n');
    expect((await run(sh, 'wc -l n; wc -l < n; echo hello world | wc')).out).toBe('5 n\n5\n      1       2      12\n');
    expect((await run(sh, 'echo a:b:c | cut -d: -f2; echo abcdef | cut -c1-3')).out).toBe('b\nabc\n');
    expect((await run(sh, 'sort -n n | uniq -c; sort -rn n | head -1; sort -u n | tr "\\n" " "')).out).toBe('      1 1\n      2 2\n      1 3\n      1 10\n10\n1 10 2 3 ');
    expect((await run(sh, 'echo Hello | tr a-z A-Z; echo aabbcc | tr -d b; echo aaab | tr -s a')).out).toBe('HELLO\naacc\nab\n');
    fs.writeFile('/root/g', 'apple\nBanana\ncherry\n');
    expect((await run(sh, 'grep an g; grep -i -n b g; grep -c e g; grep -v a g; grep -E "^(a|c)" g')).out).toBe('Banana\n2:Banana\n2\ncherry\napple\ncherry\n');
    expect((await run(sh, 'grep zzz g; echo $?; grep x nofile')).out).toBe('1\n');
    expect((await run(sh, 'grep x nofile')).err).toBe('grep: nofile: No such file or directory\n');
    expect((await run(sh, "echo 'a.b.c' | sed 's/\\./-/g'; echo path/to | sed 's|/|:|'; sed -n '2p' g; sed '1d' g | head -1")).out).toBe('a-b-c\npath:to\nBanana\nBanana\n');
    expect((await run(sh, "echo hello | sed -E 's/(h)(e)/\\2\\1/'; echo abc | sed 's/b/[&]/'")).out).toBe('ehllo\na[b]c\n');
  });
});

describe('file programs', () => {
  it('mkdir, touch, ls, cp, mv, rm, cat errors', async () => {
    const { sh, fs } = hostShell();
    expect((await run(sh, 'mkdir -p a/b && touch a/f && ls a && mkdir a')).err).toBe("mkdir: cannot create directory 'a': File exists\n");
    expect((await run(sh, 'cp a/f a/g; mv a/g a/h; ls -1 a; cp a x')).out).toBe('b\nf\nh\n');
    expect((await run(sh, 'cp a x')).err).toBe("cp: -r not specified; omitting directory 'a'\n");
    await run(sh, 'cp -r a x; rm a/f');
    expect(fs.exists('/root/x/b') && fs.exists('/root/x/f') && !fs.exists('/root/a/f')).toBe(true);
    expect(await run(sh, 'rm a')).toEqual({ out: '', err: "rm: cannot remove 'a': Is a directory\n", status: 1 });
    expect((await run(sh, 'rm -rf a nothing; ls')).out).toBe('x\n');
    expect(await run(sh, 'ls nope')).toEqual({ out: '', err: "ls: cannot access 'nope': No such file or directory\n", status: 2 });
    expect((await run(sh, 'cat nope')).err).toBe('cat: nope: No such file or directory\n');
  });

  it('ls -l and columns on a 120-column terminal', async () => {
    const clock = new FakeClock();
    const fs = new MemoryFs({ now: () => clock.now() });
    fs.mkdir('/w');
    fs.writeFile('/w/hello.txt', 'hello from the image\n');
    fs.mkdir('/w/dir');
    const sh = createShell({ fs, env: { HOME: '/w' }, cwd: '/w', programs: {}, clock });
    // no /etc/passwd: owners by number
    expect((await run(sh, 'ls -l')).out).toBe('total 8\ndrwxr-xr-x 2 0 0 4096 May  7 21:09 dir\n-rw-r--r-- 1 0 0   21 May  7 21:09 hello.txt\n');
    fs.mkdir('/etc');
    fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
    fs.writeFile('/etc/group', 'root:x:0:\n');
    expect((await run(sh, 'ls -l /w')).out).toBe('total 8\ndrwxr-xr-x 2 root root 4096 May  7 21:09 dir\n-rw-r--r-- 1 root root   21 May  7 21:09 hello.txt\n');
    const names = Array.from({ length: 30 }, (_, i) => `file${String(i).padStart(2, '0')}.txt`);
    for (const n of names) fs.writeFile(`/w/${n}`, '');
    const { testIO } = await import('../testing/harness');
    const t = testIO('', true);
    await sh.run('ls', t.io);
    const lines = t.out.text().split('\n');
    expect(lines[0].startsWith('dir  ')).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    expect((await run(sh, 'ls | head -2')).out).toBe('dir\nfile00.txt\n');
  });

  it('tar creates, lists and extracts', async () => {
    const { sh, fs } = hostShell();
    await run(sh, 'mkdir -p src/sub && echo hi > src/sub/a && tar -cf out.tar src');
    expect((await run(sh, 'tar -tf out.tar')).out).toBe('src/\nsrc/sub/\nsrc/sub/a\n');
    await run(sh, 'mkdir dst && tar -xf out.tar -C dst && cat out.tar | tar -t | head -1');
    expect(new TextDecoder().decode(fs.readFile('/root/dst/src/sub/a'))).toBe('hi\n');
  });

  it('misc programs', async () => {
    const { sh } = hostShell();
    expect((await run(sh, 'basename /a/b.txt .txt; dirname /a/b.txt; seq 3; which ls cat; date +%F')).out).toBe('b\n/a\n1\n2\n3\n/usr/bin/ls\n/usr/bin/cat\n2026-05-07\n');
    expect((await run(sh, 'date')).out).toBe('Thu May  7 21:09:36 UTC 2026\n');
    expect((await run(sh, 'echo a b c | xargs -n 1 echo x')).out).toBe('x a\nx b\nx c\n');
    expect((await run(sh, 'echo hi | tee t1 > /dev/null; cat t1')).out).toBe('hi\n');
    expect((await run(sh, 'clear')).out).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await run(sh, 'history | tail -1')).out).toBe('    6  history | tail -1\n');
  });
});

describe('curl', () => {
  const net: HostNetwork = {
    async http(req) {
      if (req.host === 'nosuch') return { error: 'unresolved' };
      if (req.port !== 8080) return { error: 'refused' };
      return { status: req.path === '/' ? 200 : 404, statusText: req.path === '/' ? 'OK' : 'Not Found', headers: { 'Content-Type': 'text/html' }, body: new TextEncoder().encode(`${req.method} ${req.path}\n`) };
    },
  };
  const make = () => createShell({ fs: new MemoryFs(), env: {}, cwd: '/', programs: {}, clock: new FakeClock(), hostNetwork: net });

  it('prints bodies, headers and curl 7.88 errors', async () => {
    const sh = make();
    expect(await run(sh, 'curl -s localhost:8080')).toEqual({ out: 'GET /\n', err: '', status: 0 });
    expect((await run(sh, 'curl -I http://localhost:8080/')).out).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n');
    expect(await run(sh, 'curl localhost')).toEqual({ out: '', err: "curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server\n", status: 7 });
    expect(await run(sh, 'curl -s localhost')).toEqual({ out: '', err: '', status: 7 });
    expect((await run(sh, 'curl nosuch')).err).toBe('curl: (6) Could not resolve host: nosuch\n');
    expect(await run(sh, 'curl -sf localhost:8080/x')).toEqual({ out: '', err: '', status: 22 });
    expect((await run(sh, 'curl -X POST -d a=1 localhost:8080/')).out).toBe('POST /\n');
  });
});
