import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SeededIds } from '../engine/core/ids';
import type { HubCatalog } from '../engine/registry/catalog';
import { render } from '../runner/render';
import { TerminalController } from '../ui/terminal/terminal-controller';
import { RealClock } from './real-clock';
import { createSimulator } from './simulator';

const catalog = JSON.parse(readFileSync(new URL('../../test/fixtures/standin-hub.json', import.meta.url), 'utf8')) as HubCatalog;

describe('browser wiring (real clock) behind the terminal', () => {
  it('runs docker commands typed at the prompt', { timeout: 60_000 }, async () => {
    const sim = createSimulator({ clock: new RealClock(), ids: new SeededIds(7), catalog, home: '/home/learner', cwd: '/home/learner', cols: 100 });
    let screen = '';
    const term = new TerminalController({ screen: { write: (s) => (screen += s), cols: 100 }, run: sim.run, prompt: sim.prompt, internalError: 'internal error:' });
    term.start();
    expect(await term.execute('docker run --rm hello-world')).toBe(0);
    expect(await term.execute('cd /tmp && docker images --format "{{.Repository}}"')).toBe(0);
    const out = render(screen);
    expect(out.startsWith('learner@dockyard:~$ ')).toBe(true);
    expect(out).toContain('Hello from Docker!');
    expect(out).toContain('\nhello-world\n');
    expect(out.endsWith('learner@dockyard:/tmp$ ')).toBe(true);
  });
});
