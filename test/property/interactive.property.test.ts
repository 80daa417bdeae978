/**
 * Random key sequences typed into interactive sessions (`docker run -it
 * ubuntu bash`, `docker exec -it`, `docker attach`) in a runner session:
 * nothing throws, and once Ctrl-C, Ctrl-D, `exit` or the detach keys are sent
 * every session ends or detaches within bounded simulated time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputItem } from '../../src/runner/scenario';
import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';

/** the recorder's key notation: every character as \xNN */
function spec(s: string): string {
  return [...s].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
}

const printable = fc.string({ unit: fc.constantFrom(...'abcehlostx 0123456789;|&$\'"()<>*=-./#{}'.split('')), minLength: 1, maxLength: 10 });
const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: printable },
  { weight: 2, arbitrary: fc.constant('\r') },
  fc.constant('\x03'),
  fc.constant('\x04'),
  fc.constant('\x10\x11'),
  fc.constantFrom('\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D'),
  fc.constant('\x7f'),
  fc.constant('\x10'),
);

const mode = fc.constantFrom('run', 'exec', 'attach');

/** sent after the random keys: the ways out of a session */
const WAYS_OUT = ['\x03', '\x04', '\x04', 'exit\r', '\x10\x11'];
const BOUND_SECONDS = 60;

describe('interactive sessions under random keys', () => {
  it('never throw and always end or detach', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(mode, fc.array(key, { minLength: 0, maxLength: 12 }), async (m, keys) => {
        const s = createSession();
        if (m !== 'run') {
          const setup = await runStep(s, 'docker run -dit --name box ubuntu', {});
          expect(setup.exit).toBe(0);
        }
        const cmd = m === 'run' ? 'docker run -it ubuntu bash' : m === 'exec' ? 'docker exec -it box bash' : 'docker attach box';
        const inputs: InputItem[] = [...keys, ...WAYS_OUT].map((k) => ({ kind: 'keys', text: spec(k) }));
        const r = await runStep(s, cmd, { inputs, timeoutSeconds: BOUND_SECONDS });
        expect(r.killed, `${cmd} typed ${JSON.stringify(keys)} did not end`).toBe(false);
        expect(r.stderrRaw).not.toContain('internal error');
        expect([0, 1, 2, 126, 127, 130]).toContain(r.exit);
        // the daemon is still answering, and a detached session left its container running
        const ps = await runStep(s, 'docker ps -a --format "{{.Status}}"', {});
        expect(ps.exit).toBe(0);
        if (m !== 'run' && r.exit === 1 && r.stderrRaw.includes('read escape sequence')) expect(ps.stdoutRaw).toMatch(/^Up /);
      }),
      { numRuns: 120, seed: 20261124 },
    );
  });
});
