import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { startDaemon } from '../../src/engine/daemon/ops/start-daemon';
import { stopDaemon } from '../../src/engine/daemon/ops/stop-daemon';

async function sh(s: Session, line: string) {
  const r = await runStep(s, line, {});
  return { exit: r.exit, out: r.stdoutRaw.replace(/\r\n/g, '\n'), err: r.stderrRaw.replace(/\r\n/g, '\n') };
}

// texts recorded from dockerd 20.10.24 (test/fixtures/real-host/insecure-registry.txt)
describe('a registry on the LAN address (192.168.199.100) outside insecure-registries', () => {
  it('push, pull and login fail over HTTPS; after insecure-registries and a restart the push goes through', async () => {
    const s = createSession();
    await sh(s, 'docker pull busybox');
    await sh(s, 'docker run -d -p 5000:5000 --restart=always --name registry registry');
    await sh(s, 'sleep 2');
    await sh(s, 'docker tag busybox 192.168.199.100:5000/busybox');
    expect(await sh(s, 'docker push 192.168.199.100:5000/busybox')).toEqual({
      exit: 1,
      out: 'Using default tag: latest\nThe push refers to repository [192.168.199.100:5000/busybox]\n',
      err: 'Get "https://192.168.199.100:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    });
    expect(await sh(s, 'docker pull 192.168.199.100:5000/busybox')).toMatchObject({
      exit: 1,
      err: 'Error response from daemon: Get "https://192.168.199.100:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    });
    expect((await sh(s, 'docker login 192.168.199.100:5000 -u a -p b')).err).toBe(
      'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' +
        'Error response from daemon: Get "https://192.168.199.100:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    );
    expect((await sh(s, 'docker push 192.168.199.100:5001/busybox')).err).toBe(
      'An image does not exist locally with the tag: 192.168.199.100:5001/busybox\n',
    );
    await sh(s, 'docker tag busybox 192.168.199.100:5001/busybox');
    expect((await sh(s, 'docker push 192.168.199.100:5001/busybox')).err).toBe(
      'Get "https://192.168.199.100:5001/v2/": dial tcp 192.168.199.100:5001: connect: connection refused\n',
    );

    s.hostFs.mkdir('/etc/docker', { recursive: true });
    s.hostFs.writeFile('/etc/docker/daemon.json', '{ "insecure-registries": ["192.168.199.100:5000"] }\n');
    const stopping = stopDaemon(s.engine);
    for (let i = 0; i < 100 && s.engine.daemon.running; i++) await s.clock.advance(1000);
    await stopping;
    expect(await startDaemon(s.engine)).toBe(true);
    await sh(s, 'sleep 1');
    const ok = await sh(s, 'docker push 192.168.199.100:5000/busybox');
    expect(ok.exit).toBe(0);
    expect(ok.out).toMatch(/latest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
  });
});
