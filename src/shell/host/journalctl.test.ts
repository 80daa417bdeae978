import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostSession, type, withoutTimes } from './test-host';

const REC = new URL('../../../test/fixtures/real-host/systemd/', import.meta.url);
const recorded = (name: string) => readFileSync(new URL(name, REC), 'utf8');

describe('journalctl', () => {
  it('shows a unit\'s lines, the last N, nothing for an unknown unit', async () => {
    const s = hostSession();
    const all = await type(s, 'journalctl -u docker --no-pager');
    expect(all.exit).toBe(0);
    expect(all.out.split('\n')[0]).toBe('Nov 23 08:00:00 dockyard systemd[1]: Starting docker.service - Docker Application Container Engine...');
    const last = await type(s, 'journalctl -u docker -n 3 | cat');
    // the same three lines as a real start (jc-n3.out)
    expect(withoutTimes(last.out)).toEqual(withoutTimes(recorded('jc-n3.out')));
    expect(await type(s, 'journalctl -u nosuch')).toEqual({ exit: 0, out: recorded('jc-nosuch.out'), err: '' });
  });

  it('-xeu explains each of systemd\'s messages from its catalog (recorded texts)', async () => {
    const s = hostSession();
    await type(s, `sudo sh -c 'echo "{ \\"registry-mirrors\\": [\\"a\\",] }" > /etc/docker/daemon.json'`);
    await type(s, 'TERM=dumb sudo systemctl restart docker');
    const xe = await type(s, 'journalctl -xeu docker.service | cat');
    /** each message with the explanation lines after it */
    const entries = (text: string) => {
      const out = new Map<string, string[]>();
      let current: string[] | undefined;
      for (const line of text.split('\n')) {
        if (line.startsWith('░░')) {
          current?.push(line.replace(/job identifier is \d+/, 'job identifier is N'));
          continue;
        }
        const m = /^\w{3} \d\d \d\d:\d\d:\d\d dockyard systemd\[1\]: (.*)$/.exec(line);
        current = m ? [] : undefined;
        if (m) out.set(m[1].replace(/counter is at \d+/, 'counter is at N'), current as string[]);
      }
      return out;
    };
    const got = entries(xe.out);
    const want = entries(recorded('bad-xeu.tail.out'));
    expect(want.size).toBeGreaterThanOrEqual(8);
    for (const [message, lines] of want) expect([message, got.get(message)]).toEqual([message, lines]);
  });

  it("-f prints the last ten lines and waits for more (the runner ends it at its time limit)", async () => {
    const s = hostSession();
    const running = type(s, 'journalctl -f -u docker', []);
    const r = await running;
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(10);
  });

  it('needs adm or systemd-journal (journald\'s hint otherwise)', async () => {
    const s = hostSession();
    expect(await type(s, 'sudo -u nobody journalctl -u docker')).toEqual({ exit: 1, out: '', err: recorded('jc-learner.err') });
  });
});
