import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';

/**
 * Every docker command while dockerd is down, against what the 20.10.24 CLI
 * printed with nobody on its socket (test/fixtures/real-host/cannot-connect.txt).
 */
const FIXTURE = new URL('../fixtures/real-host/cannot-connect.txt', import.meta.url);

/** cases whose recording depends on that machine, with why */
const NOT_COMPARED: Record<string, string> = {
  'docker build -t x ctx': 'the recording had a ./ctx directory',
  'docker export web': 'the recording ran with stdout redirected, the runner has a terminal',
  'docker login -u a -p b': 'with no daemon the CLI logs in to the Hub itself; the simulated Hub is reached through the daemon only',
};

describe('docker while the daemon is down', () => {
  it('prints what the real CLI prints for each command', async () => {
    const s = createSession();
    // docker.socket closed too, or the first command would start dockerd again
    const stopping = s.services.stop('docker.socket');
    for (let i = 0; i < 50 && s.engine.daemon.running; i++) await s.clock.advance(1000);
    await stopping;
    expect(s.engine.daemon.running).toBe(false);
    const blocks = readFileSync(FIXTURE, 'utf8').split('### ').slice(1);
    expect(blocks.length).toBeGreaterThan(40);
    const diffs: string[] = [];
    for (const b of blocks) {
      const [cmd, ...rest] = b.split('\n');
      if (NOT_COMPARED[cmd]) continue;
      const want = rest.join('\n').trim();
      const r = await runStep(s, `${cmd} </dev/null`, {});
      const got = `${(r.stdoutRaw + r.stderrRaw).replace(/\r\n/g, '\n').trim()}\n[rc=${r.exit}]`;
      if (got !== want) diffs.push(`${cmd}\n--- want\n${want}\n--- got\n${got}`);
    }
    expect(diffs).toEqual([]);
  }, 60_000);
});
