/**
 * apt-get on Debian 9 (stretch): its mirrors in `update`, the packages the
 * redis tutorial installs with the ones apt adds (Depends and Recommends,
 * dependencies first), the Auto-Installed marks, and `purge --auto-remove`
 * taking away exactly what nothing kept needs.
 */
import { describe, expect, it } from 'vitest';
import type { Shell } from '../../shell';
import { type FakeClock, hostShell, testIO } from '../../testing/harness';
import { aptGet } from './apt';

const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 9 (stretch)"\nNAME="Debian GNU/Linux"\nVERSION_ID="9"\nVERSION="9 (stretch)"\nVERSION_CODENAME=stretch\nID=debian\n';

/** run a line while the clock moves (apt waits for its downloads) */
async function timed(sh: Shell, clock: FakeClock, line: string): Promise<{ out: string; status: number }> {
  const t = testIO();
  let done = false;
  const p = sh.run(line, t.io).then((s) => {
    done = true;
    return s;
  });
  while (!done) await clock.advance(1000);
  return { out: t.out.text(), status: await p };
}

function stretch() {
  const h = hostShell({ 'apt-get': aptGet });
  h.fs.mkdir('/etc', { recursive: true });
  h.fs.writeFile('/etc/os-release', OS_RELEASE);
  return h;
}

describe('apt-get on debian:stretch', () => {
  it("updates from stretch's mirrors and installs the build tools with what they need", async () => {
    const { sh, clock, fs } = stretch();
    const up = await timed(sh, clock, 'apt-get update');
    expect(up.out.split('\n').slice(0, 3)).toEqual([
      'Get:1 http://security.debian.org/debian-security stretch/updates InRelease [53.0 kB]',
      'Ign:2 http://deb.debian.org/debian stretch InRelease',
      'Get:3 http://deb.debian.org/debian stretch-updates InRelease [93.6 kB]',
    ]);
    expect(fs.exists('/var/lib/apt/lists/deb.debian.org_debian_dists_stretch_main_binary-amd64_Packages.lz4')).toBe(true);
    const r = await timed(sh, clock, 'apt-get install -y make wget');
    expect(r.status).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(3, 6)).toEqual(['The following additional packages will be installed:', '  ca-certificates libidn2-0 libpsl5 libssl1.1 openssl publicsuffix', 'The following NEW packages will be installed:']);
    // dependencies are unpacked before their users
    const unpacked = lines.filter((l) => l.startsWith('Unpacking ')).map((l) => l.split(' ')[1]);
    expect(unpacked.indexOf('libssl1.1:amd64')).toBeLessThan(unpacked.indexOf('openssl'));
    expect(unpacked.indexOf('libpsl5:amd64')).toBeLessThan(unpacked.indexOf('wget'));
    expect(lines).toContain('Processing triggers for libc-bin (2.24-11+deb9u4) ...');
    expect(new TextDecoder().decode(fs.readFile('/var/lib/apt/extended_states'))).toContain('Package: libpsl5\nArchitecture: amd64\nAuto-Installed: 1\n');
  });

  it('purge --auto-remove takes the automatic dependencies that nothing kept needs', async () => {
    const { sh, clock, fs } = stretch();
    await timed(sh, clock, 'apt-get update');
    await timed(sh, clock, 'apt-get install -y wget');
    const manual = await timed(sh, clock, 'apt-get install -y openssl');
    expect(manual.out).toContain('openssl is already the newest version (1.1.0l-1~deb9u6).\nopenssl set to manually installed.\n');
    const r = await timed(sh, clock, 'apt-get purge -y --auto-remove wget');
    const lines = r.out.split('\n');
    // openssl was asked for by name: it stays, and libssl1.1 with it; ca-certificates (wget's) goes
    expect(lines.slice(3, 6)).toEqual(['The following packages will be REMOVED:', '  ca-certificates* libidn2-0* libpsl5* publicsuffix* wget*', '0 upgraded, 0 newly installed, 5 to remove and 0 not upgraded.']);
    expect(lines).toContain('Purging configuration files for wget (1.18-5+deb9u3) ...');
    expect(fs.exists('/usr/bin/wget')).toBe(false);
    expect(fs.exists('/usr/bin/openssl')).toBe(true);
    const plain = await timed(sh, clock, 'apt-get remove -y openssl');
    expect(plain.out).toContain('The following packages will be REMOVED:\n  openssl\n');
  });
});
