/**
 * Fidelity on the real engine: every golden scenario (test/fidelity) runs
 * through OUR shell and CLI against a real dockerd 20.10 via the server (a
 * fresh session, so a fresh daemon, per scenario; the fixture's Hub reset
 * before each), in real time, and is compared with the golden transcript
 * exactly as the simulator's transcripts are (the runner's transcript
 * machinery, test/fidelity/compare.ts). This proves that our CLI prints the
 * real engine's data as Docker's CLI does.
 *
 * Prints each scenario's differing steps and `fidelity on the real engine:
 * P/T steps (X%)`; passes when at least 95% of the steps of the 18 scenarios
 * shared with the fidelity kit match (the scenarios added since are reported
 * in the figure for all). Why the rest differ: docs/real-engine-fidelity.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTranscript } from '../../src/runner/transcript';
import { compareScenario, figure, type ScenarioResult, type SimDoc } from '../fidelity/compare';
import type { TranscriptDoc } from '../fidelity/normalize';
import { KIT_DIR } from './support/fixture';
import { type Harness, hubctl, startServer } from './support/harness';
import { type RealSession, realSession } from './support/real-session';

const here = dirname(fileURLToPath(import.meta.url));
const FID = join(here, '..', 'fidelity');
const SCENARIOS = join(FID, 'scenarios');
const GOLDEN = join(FID, 'golden');
const UNSTABLE = join(FID, 'unstable.json');

/** the scenarios of the fidelity kit (shared/fidelity/scenarios): the 95% floor is on these */
const SHARED_SCENARIOS = [
  '01-version',
  '02-hello-world',
  '03-pull',
  '05-image-ls',
  '06-dangling',
  '07-image-rm',
  '09-run-basic',
  '10-detached-logs',
  '11-container-lifecycle',
  '12-exec-attach',
  '13-commit',
  '14-build',
  '16-export-import',
  '18-ports-inspect',
  '19-volumes',
  '21-network',
  '23-private-registry',
  '24-hub-login-search-push',
];
const FLOOR_PCT = 95;

/**
 * Steps whose output depends on real time or the daemon's own order, so that
 * two runs of Docker's own CLI on a real engine differ there too: left out of
 * the figure the floor is on (the figure with every step is printed as well).
 * Why, step by step: docs/real-engine-fidelity.md.
 */
const REAL_TIME_RACES: Record<string, number[]> = {
  // how many lines a 1-second loop printed before Ctrl-C, before `logs`, before `logs -f` was killed
  '10-detached-logs': [2, 7, 16],
  // the order `docker diff` lists changes in: the daemon walks the upper directory in the file system's order
  '13-commit': [6],
  // two images created in the same second: `image ls -a` lists them in the daemon's order
  '14-build': [24],
};

const only = process.env.DOCKYARD_SCENARIOS?.split(',').filter(Boolean);
const names = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.sh'))
  .map((f) => f.slice(0, -3))
  .filter((n) => existsSync(join(GOLDEN, `${n}.json`)))
  .filter((n) => !only || only.includes(n))
  .sort();
const unstable: Record<string, Record<string, unknown>> = existsSync(UNSTABLE) ? JSON.parse(readFileSync(UNSTABLE, 'utf8')) : {};

let h: Harness;
const results: ScenarioResult[] = [];
/** the same, without the steps of REAL_TIME_RACES */
const racesOut: ScenarioResult[] = [];

beforeAll(async () => {
  h = await startServer();
});

afterAll(async () => {
  await h?.close();
});

describe('fidelity on the real engine', () => {
  for (const name of names) {
    it(name, { timeout: 600_000 }, async () => {
      const gold = JSON.parse(readFileSync(join(GOLDEN, `${name}.json`), 'utf8')) as TranscriptDoc;
      const skip = new Set(Object.keys(unstable[name] ?? {}).map(Number));
      const skipRaces = new Set([...skip, ...(REAL_TIME_RACES[name] ?? [])]);
      await hubctl(['reset']);
      let session: RealSession | undefined;
      try {
        const doc = await runTranscript(
          readFileSync(join(SCENARIOS, `${name}.sh`), 'utf8'),
          async () => {
            session = await realSession(h.baseUrl);
            return session;
          },
          { name, fidDir: KIT_DIR },
        );
        const r = compareScenario(name, gold, doc as unknown as SimDoc, skip);
        if (doc.error) r.lines.unshift(`  runner: ${doc.error}`);
        results.push(r);
        racesOut.push(compareScenario(name, gold, doc as unknown as SimDoc, skipRaces));
        process.stdout.write(`${name}: ${r.passed}/${r.total}\n${r.lines.join('\n')}${r.lines.length ? '\n' : ''}`);
        expect(doc.steps.length).toBe(gold.steps.length);
      } finally {
        await session?.remote.close();
      }
    });
  }

  it(`prints the figure; at least ${FLOOR_PCT}% of the shared scenarios' steps match`, () => {
    const all = figure(results);
    const sharedEvery = figure(results.filter((r) => SHARED_SCENARIOS.includes(r.name)));
    const shared = figure(racesOut.filter((r) => SHARED_SCENARIOS.includes(r.name)));
    const differing = results.flatMap((r) => r.failed.map((n) => `${r.name}#${n}`));
    const races = Object.entries(REAL_TIME_RACES).flatMap(([n, steps]) => steps.map((s) => `${n}#${s}`));
    process.stdout.write(
      `fidelity on the real engine (shared scenarios, real-time races left out): ${shared.text.replace('fidelity: ', '')}\n` +
        `fidelity on the real engine (shared scenarios, every step): ${sharedEvery.text.replace('fidelity: ', '')}\n` +
        `fidelity on the real engine (all scenarios, every step): ${all.text.replace('fidelity: ', '')}\n` +
        `differing steps: ${differing.join(' ') || 'none'}\n` +
        `real-time races (left out of the first figure): ${races.join(' ')}\n`,
    );
    expect(results.length).toBe(names.length);
    // the floor holds whenever every shared scenario ran (DOCKYARD_SCENARIOS may pick a few to look at)
    if (SHARED_SCENARIOS.every((n) => names.includes(n))) expect(shared.pct).toBeGreaterThanOrEqual(FLOOR_PCT);
  });
});
