/**
 * The fidelity suite: every scenario in test/fidelity/scenarios runs through the
 * headless runner in this process (one fresh session each) and is compared with
 * the golden transcript recorded from real Docker 20.10 (test/fidelity/golden).
 * Prints a per-scenario report and `fidelity: P/T steps (X%) in S scenarios`.
 *
 * The floor is exact: a scenario fails when a step differs that KNOWN_DIFFERENCES.md
 * does not list (by scenario and step), and when a listed step now matches (so the
 * list stays true).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../../src/runner/transcript';
import { againstKnown, compareScenario, figure, parseKnownDifferences, type ScenarioResult, type SimDoc } from './compare';
import type { TranscriptDoc } from './normalize';

const here = dirname(fileURLToPath(import.meta.url));
const SCENARIOS = join(here, 'scenarios');
const GOLDEN = join(here, 'golden');
const UNSTABLE = join(here, 'unstable.json');
const KNOWN = parseKnownDifferences(readFileSync(join(here, 'KNOWN_DIFFERENCES.md'), 'utf8'));

const names = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.sh'))
  .map((f) => f.slice(0, -3))
  .filter((n) => existsSync(join(GOLDEN, `${n}.json`)))
  .sort();
const unstable: Record<string, Record<string, unknown>> = existsSync(UNSTABLE) ? JSON.parse(readFileSync(UNSTABLE, 'utf8')) : {};

const results: ScenarioResult[] = [];

describe('fidelity against real Docker 20.10', () => {
  for (const name of names) {
    it(`${name}`, { timeout: 180_000 }, async () => {
      const gold = JSON.parse(readFileSync(join(GOLDEN, `${name}.json`), 'utf8')) as TranscriptDoc;
      const skip = new Set(Object.keys(unstable[name] ?? {}).map(Number));
      const doc = await runTranscript(
        readFileSync(join(SCENARIOS, `${name}.sh`), 'utf8'),
        async () => (await import('../../src/runner/session')).createSession(),
        { name, fidDir: here },
      );
      const r = compareScenario(name, gold, doc as unknown as SimDoc, skip);
      if (doc.error) r.lines.unshift(`  runner: ${doc.error}`);
      results.push(r);
      // every scenario yields a transcript with every step, whatever happens
      expect(doc.steps.length).toBe(gold.steps.length);
      const { unlisted, nowMatching } = againstKnown(r, KNOWN.get(name));
      expect(unlisted, `steps that differ from real Docker and are not in KNOWN_DIFFERENCES.md:\n${r.lines.join('\n')}`).toEqual([]);
      expect(nowMatching, 'steps KNOWN_DIFFERENCES.md lists that now match real Docker: take them off the list').toEqual([]);
    });
  }

  it('prints the figure; KNOWN_DIFFERENCES.md names only scenarios that exist', () => {
    const f = figure(results);
    const report = results.flatMap((r) => [`${r.name}: ${r.passed}/${r.total}`, ...r.lines]).join('\n');
    process.stdout.write(`${report}\n${f.text}\n`);
    expect(results.length).toBe(names.length);
    expect([...KNOWN.keys()].filter((n) => !names.includes(n))).toEqual([]);
  });
});
