import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../app/simulator';
import { VirtualClock } from '../../engine/core/clock';
import { SeededIds } from '../../engine/core/ids';
import type { HubCatalog } from '../../engine/registry/catalog';
import { dictionary } from '../i18n';
import { FRESH_PROMPT } from '../terminal/boot-terminal';
import { bootScreen, savedPrompt } from './boot-screen';

const catalog = JSON.parse(readFileSync(new URL('../../../test/fixtures/standin-hub.json', import.meta.url), 'utf8')) as HubCatalog;
const en = dictionary('en');

describe('what the first frame draws', () => {
  it('a fresh sandbox: the welcome lines and the prompt its host shell shows', () => {
    const sim = createSimulator({ clock: new VirtualClock(0), ids: new SeededIds(1), catalog, home: '/home/learner', cwd: '/home/learner', cols: 80 });
    expect(sim.prompt()).toBe(FRESH_PROMPT);
    const s = bootScreen(undefined, en);
    expect(s).toEqual({ terminalId: 't1', text: `${en.welcome.map((l) => `${l}\r\n`).join('')}${FRESH_PROMPT}`, prompt: true });
  });

  it('a reload: the saved screen, its last row drawn again as the bare prompt', () => {
    const saved = 'learner@dockyard:~$ ls\r\nfile\r\n\x1b[1mlearner@dockyard:/tmp$ \x1b[0mhalf-typ';
    expect(savedPrompt(saved)).toBe('learner@dockyard:/tmp$ ');
    expect(bootScreen({ terminalId: 't2', terminalIndex: 2, scrollback: saved }, en)).toEqual({
      terminalId: 't2',
      text: `${saved}\r\x1b[Klearner@dockyard:/tmp$ `,
      prompt: true,
      saved,
    });
    // a last row that is not a prompt (a program's screen): shown, no prompt to type at
    expect(bootScreen({ terminalId: 't1', terminalIndex: 1, scrollback: 'top - 10:00\r\nMem: 1' }, en)).toMatchObject({ prompt: false });
  });

  it('a command that was running: its screen, no prompt (the view decides what becomes of it)', () => {
    expect(bootScreen({ terminalId: 't1', terminalIndex: 1, scrollback: 'x', running: 'docker logs -f web' }, en)).toEqual({
      terminalId: 't1',
      text: 'x',
      prompt: false,
      saved: 'x',
      running: 'docker logs -f web',
    });
  });
});
