/**
 * The protocol is transparent: every fidelity scenario run with the CLI's
 * client behind the typed-operation protocol (codec, dispatcher, validation)
 * prints exactly what it prints with the in-process client.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { throughProtocol } from '../../src/client/protocol/test-channels';
import { createSession } from '../../src/runner/session';
import { runTranscript, type TranscriptDoc } from '../../src/runner/transcript';

const here = dirname(fileURLToPath(import.meta.url));
const FID = join(here, '..', 'fidelity');
const SCENARIOS = join(FID, 'scenarios');
const names = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.sh'))
  .map((f) => f.slice(0, -3))
  .filter((n) => existsSync(join(FID, 'golden', `${n}.json`)))
  .sort();

const comparable = (doc: TranscriptDoc) => ({
  ...doc,
  steps: doc.steps.map(({ duration_s: _d, ...s }) => s),
});

const seen: string[] = [];

describe('fidelity scenarios through the protocol', () => {
  for (const name of names) {
    it(name, { timeout: 180_000 }, async () => {
      const text = readFileSync(join(SCENARIOS, `${name}.sh`), 'utf8');
      const direct = await runTranscript(text, () => createSession(), { name, fidDir: FID });
      const refused: string[] = [];
      const frames = new Map<string, number>();
      const remote = await runTranscript(text, () => createSession({ wrapClient: (c) => throughProtocol(c, (r) => refused.push(r), frames) }), {
        name,
        fidDir: FID,
      });
      expect(refused).toEqual([]);
      // the CLI's calls did cross the protocol
      expect([...frames.keys()].filter((k) => k.startsWith('call:')).length).toBeGreaterThan(0);
      seen.push(...frames.keys());
      expect(comparable(remote)).toEqual(comparable(direct));
    });
  }

  it('used streams, blobs and interactive IO', () => {
    for (const k of ['event', 'blob', 'read', 'stdin', 'out', 'call:imageBuild', 'call:containerAttach', 'call:containerExecStart']) {
      expect(seen, k).toContain(k);
    }
  });
});
