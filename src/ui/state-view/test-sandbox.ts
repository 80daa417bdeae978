/**
 * Tests only: a simulator (real engine, client, shell) on a VirtualClock with
 * the stand-in Hub, and a helper that runs command lines in its host shell.
 */
import { readFileSync } from 'node:fs';
import { createSimulator, type Simulator } from '../../app/simulator';
import { VirtualClock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import type { HubCatalog } from '../../engine/registry/catalog';
import { testIO } from '../../shell/testing/harness';

const catalog = JSON.parse(readFileSync(new URL('../../../test/fixtures/standin-hub.json', import.meta.url), 'utf8')) as HubCatalog;

export function testSandbox(seed = 1): { sim: Simulator; sh(line: string): Promise<string> } {
  const clock = new VirtualClock(Date.parse('2026-11-23T08:00:00Z'));
  const sim = createSimulator({
    clock,
    ids: new SeededIds(seed),
    catalog,
    home: '/home/learner',
    cwd: '/home/learner',
    cols: 100,
  });
  return {
    sim,
    async sh(line: string): Promise<string> {
      const t = testIO();
      const status = await sim.run(line, t.io);
      if (status !== 0) throw new Error(`${line}: exit ${status}\n${t.out.text()}${t.err.text()}`);
      // a learner takes a moment before the next command: background processes
      // (a registry container's server) get to start, as they do on a real engine
      await clock.advance(500);
      return t.out.text();
    },
  };
}
