import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { createSession } from '../../runner/session';
import { runStep } from '../../runner/step-driver';
import { historyLimit, trimHistoryFile } from './history';

describe('history', () => {
  it('reads HISTSIZE and HISTFILESIZE as bash does', () => {
    expect(historyLimit(undefined)).toBe(500);
    expect(historyLimit('x')).toBe(500);
    expect(historyLimit('-1')).toBe(10_000);
    expect(historyLimit('0')).toBe(0);
    expect(historyLimit(' 20 ')).toBe(20);
  });

  it('the host shell keeps 500 lines, `history` numbers them from the first ever typed', async () => {
    const s = createSession();
    for (let i = 1; i <= 520; i++) await runStep(s, `: ${i}`, {});
    const r = await runStep(s, 'history 2', {});
    expect(render(r.stdoutRaw)).toBe('  520  : 520\n  521  history 2\n');
    expect(s.simulator.shell('main').history).toHaveLength(500);
  });

  it('~/.bash_history keeps the last $HISTFILESIZE lines', () => {
    const lines = Array.from({ length: 700 }, (_, i) => `cmd ${i}\n`).join('');
    const kept = trimHistoryFile(lines, { get: () => undefined });
    expect(kept.split('\n')).toHaveLength(501);
    expect(kept.startsWith('cmd 200\n')).toBe(true);
    expect(trimHistoryFile(lines, { get: (n) => (n === 'HISTFILESIZE' ? '2' : undefined) })).toBe('cmd 698\ncmd 699\n');
    expect(trimHistoryFile('a\nb\n', { get: () => undefined })).toBe('a\nb\n');
  });
});
