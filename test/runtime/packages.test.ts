import { describe, expect, it } from 'vitest';
import { learnerSession, sh, standinSession } from './helpers';

describe('package managers', () => {
  it('apt-get: install fails before update, then installs curl with its dependencies; curl runs; the layer grows', async () => {
    const s = learnerSession();
    await sh(s, 'docker run -dit --name box ubuntu');
    const before = await sh(s, 'docker exec box apt-get install -y curl');
    expect(before.exit).toBe(100);
    expect(before.err).toBe('E: Unable to locate package curl\n');
    expect((await sh(s, 'docker exec box curl')).exit).toBe(126);
    const up = await sh(s, 'docker exec box apt-get update');
    expect(up.out).toMatch(/^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu jammy InRelease \[270 kB\]\n/);
    expect(up.out).toMatch(/Fetched [\d.,]+ MB in \d+s \([\d,.]+ [kM]B\/s\)\nReading package lists\.\.\.\n$/);
    const inst = await sh(s, 'docker exec box apt-get install -y curl');
    expect(inst.exit).toBe(0);
    expect(inst.out).toContain('The following NEW packages will be installed:\n  ca-certificates curl libbrotli1 libcurl4');
    expect(inst.out).toMatch(/Get:\d+ http:\/\/archive\.ubuntu\.com\/ubuntu jammy\/main amd64 curl amd64 7\.81\.0-1ubuntu1\.14 \[194 kB\]/);
    expect(inst.out).toContain('Selecting previously unselected package libcurl4:amd64.');
    expect(inst.out).toContain('Setting up curl (7.81.0-1ubuntu1.14) ...');
    expect((await sh(s, 'docker exec box ls -l /usr/bin/curl')).out).toMatch(/^-rwxr-xr-x +1 root +root +271060 /);
    expect((await sh(s, 'docker exec box curl -s http://localhost')).exit).toBe(7);
    const again = await sh(s, 'docker exec box apt-get install -y curl');
    expect(again.out).toContain('curl is already the newest version (7.81.0-1ubuntu1.14).\n0 upgraded, 0 newly installed');
    const diff = (await sh(s, 'docker diff box')).out;
    expect(diff).toContain('A /usr/bin/curl');
    expect(diff).toContain('A /var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_jammy_InRelease');
  });

  it('apt-get without -y asks before installing dependencies and aborts at end of input', async () => {
    const s = learnerSession();
    const r = await sh(s, 'docker run --rm debian sh -c "apt-get update >/dev/null && apt-get install wget </dev/null"');
    expect(r.out).toMatch(/Do you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(r.exit).toBe(1);
  });

  it('apk add installs curl in alpine; unknown packages are errors', async () => {
    const s = learnerSession();
    const r = await sh(s, 'docker run --name a1 alpine apk add curl');
    expect(r.exit).toBe(0);
    expect(r.out).toMatch(/^fetch https:\/\/dl-cdn\.alpinelinux\.org\/alpine\/v3\.18\/main\/x86_64\/APKINDEX\.tar\.gz\nfetch .*community.*\n\(1\/\d+\) Installing ca-certificates \(20230506-r0\)\n/);
    expect(r.out).toMatch(/Installing curl \(8\.4\.0-r0\)\n(Executing .*\n)*OK: \d+ MiB in \d+ packages\n$/);
    const bad = await sh(s, 'docker run --rm alpine apk add nosuchpkg');
    expect(bad.exit).toBe(1);
    expect(bad.err).toBe('ERROR: unable to select packages:\n  nosuchpkg (no such package):\n    required by: world[nosuchpkg]\n');
    expect((await sh(s, 'docker run --rm alpine sh -c "apk add --no-cache bash >/dev/null && bash -c \'echo \\$0\'"')).out).toBe('bash\n');
  });

  it('yum install -y wget on centos; curl is already installed', async () => {
    const s = learnerSession();
    const r = await sh(s, 'docker run --rm centos:7 yum install -y wget curl');
    expect(r.exit).toBe(0);
    expect(r.out).toContain('Package curl-7.29.0-59.el7_9.1.x86_64 already installed and latest version');
    expect(r.out).toContain('---> Package wget.x86_64 0:1.14-18.el7_6.1 will be installed');
    expect(r.out).toMatch(/ {2}Installing : wget-1\.14-18\.el7_6\.1\.x86_64 +1\/1 \n/);
    expect(r.out).toMatch(/Complete!\n$/);
  });

  it('a program exists only when its file does: the stand-in ubuntu has no apt-get', async () => {
    const s = standinSession();
    const r = await sh(s, 'docker run --rm ubuntu bash -c "apt-get update"');
    expect(r.exit).toBe(127);
    expect(r.err.endsWith('\nbash: line 1: apt-get: command not found\n')).toBe(true);
  });
});
