import { describe, expect, it } from 'vitest';
import { sh } from '../testing/container-run';
import { hostShell, run } from '../testing/harness';
import { busyboxHuman, gnuHuman } from './du';

const SETUP = 'mkdir -p /srv/app/logs && echo hello > /srv/app/a.txt && seq 1 300 > /srv/app/logs/big.log && ';

describe('du', () => {
  it('4 KiB blocks, directories included, post-order', async () => {
    expect((await sh(`${SETUP}du /srv`)).out).toBe('8\t/srv/app/logs\n16\t/srv/app\n20\t/srv\n');
    expect((await sh(`${SETUP}du -a /srv/app`)).out).toBe('4\t/srv/app/a.txt\n4\t/srv/app/logs/big.log\n8\t/srv/app/logs\n16\t/srv/app\n');
    expect((await sh(`${SETUP}du -sh /srv/app`)).out).toBe('16.0K\t/srv/app\n');
    expect((await sh(`${SETUP}du -s /srv/app /srv -c`)).out).toBe('16\t/srv/app\n20\t/srv\n36\ttotal\n');
    expect((await sh('du /nonexist')).err).toBe('du: /nonexist: No such file or directory\n');
  });

  it('human sizes as each tool prints them', () => {
    expect([gnuHuman(4096), gnuHuman(28 * 1024), gnuHuman(1536 * 1024), gnuHuman(512)]).toEqual(['4.0K', '28K', '1.5M', '512']);
    expect([busyboxHuman(28 * 1024), busyboxHuman(1536 * 1024), busyboxHuman(512)]).toEqual(['28.0K', '1.5M', '512']);
  });
});

describe('stat', () => {
  it('-c formats: names, modes, types; UNKNOWN owners', async () => {
    const r = await sh(`${SETUP}chown 1234:5678 /srv/app/a.txt && chmod 640 /srv/app/a.txt && stat -c '%n %s %a %A %U %G %u %g %F' /srv/app/a.txt /srv/app/logs`);
    expect(r.out).toBe('/srv/app/a.txt 6 640 -rw-r----- UNKNOWN UNKNOWN 1234 5678 regular file\n/srv/app/logs 4096 755 drwxr-xr-x root root 0 0 directory\n');
    expect((await sh("stat -c '%N' /bin/sh")).out).toBe("'/bin/sh' -> '/bin/busybox'\n");
    const missing = await sh('stat /nonexist');
    expect([missing.status, missing.err]).toEqual([1, "stat: can't stat '/nonexist': No such file or directory\n"]);
  });

  it('GNU: the default layout and its error', async () => {
    const { sh: host, fs } = hostShell();
    fs.writeFile('/root/f', '');
    const r = await run(host, 'stat f');
    expect(r.out).toMatch(/^ {2}File: f\n {2}Size: 0 {9}\tBlocks: 0 {10}IO Block: 4096 {3}regular empty file\n/);
    expect(r.out).toContain('Access: (0644/-rw-r--r--)  Uid: (    0/ UNKNOWN)   Gid: (    0/ UNKNOWN)\n');
    expect((await run(host, 'stat nope')).err).toBe("stat: cannot statx 'nope': No such file or directory\n");
  });
});
