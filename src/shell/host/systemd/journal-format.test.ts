import { describe, expect, it } from 'vitest';
import { ellipsizeEnd, ellipsizeMiddle, journalLine } from './journal-format';

// lines cut by systemctl status on 100 and 80 column terminals (test/fixtures/real-host/systemd/tty-status-*)
describe('journal lines on a terminal', () => {
  const msg = 'time="2026-12-06T22:07:38.384638562Z" level=warning msg="Your kernel does not support cgroup blkio weight_device"';
  it('cut in the middle, 90 % kept at the start', () => {
    expect(ellipsizeMiddle(msg, 60)).toBe('time="2026-12-06T22:07:38.384638562Z" level=warning m…evice"');
    expect(ellipsizeMiddle(msg, 40)).toBe('time="2026-12-06T22:07:38.384638562…ice"');
    expect(ellipsizeMiddle('Failed to start docker.service - Docker Application Container Engine.', 63)).toBe(
      'Failed to start docker.service - Docker Application Cont…ngine.',
    );
    expect(ellipsizeEnd('3301 /usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 65)).toBe(
      '3301 /usr/sbin/dockerd -H fd:// --containerd=/run/containerd/con…',
    );
  });
  it("colours systemd's warnings and errors, as a real terminal showed them", () => {
    const e = { t: Date.UTC(2026, 11, 6, 21, 53, 58), unit: 'docker.service', ident: 'systemd', pid: 1, priority: 4, message: 'docker.service: Start request repeated too quickly.' };
    const out = { ellipsized: false };
    expect(journalLine(e, 'dockyard', { color: true, columns: 100, full: false }, out)).toBe(
      'Dec 06 21:53:58 dockyard systemd[1]: \x1b[0;1;38;5;185m\x1b[0;1;39m\x1b[0;1;38;5;185mdocker.service: Start request repeated too quickly.\x1b[0m',
    );
    const failed = { ...e, priority: 3, message: 'Failed to start docker.service - Docker Application Container Engine.' };
    expect(journalLine(failed, 'dockyard', { color: true, columns: 100, full: false }, out)).toBe(
      'Dec 06 21:53:58 dockyard systemd[1]: \x1b[0;1;31mFailed to start docker.service - Docker Application Cont…ngine.\x1b[0m',
    );
    expect(out.ellipsized).toBe(true);
  });
});
