import { fileURLToPath } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plain, render } from './render';

// the recordings (shared/fidelity, beside the repository) when this machine has them
const RAW = fileURLToPath(new URL('../../../shared/fidelity/transcripts', import.meta.url));

describe('render', () => {
  it('applies carriage returns and \\r\\n', () => {
    expect(render('abc\rX\r\nnext')).toBe('Xbc\nnext');
  });
  it('redraws pull progress lines in place (ESC[nA, ESC[2K)', () => {
    const raw = 'a: Waiting\r\nb: Waiting\r\n\x1b[2A\x1b[2Ka: Pull complete \r\x1b[2B\x1b[1A\x1b[2Kb: Done\r\x1b[1B';
    expect(render(raw)).toBe('a: Pull complete \nb: Done\n');
  });
  it('erases to the end of line and ignores colours', () => {
    expect(render('hello\r\x1b[Kbye \x1b[1;34mbin\x1b[m')).toBe('bye bin');
  });
  it('keeps characters outside the BMP as one cell', () => {
    expect(render('a😀b\rX')).toBe('X😀b');
  });
  it('plain() only undoes the tty newline translation', () => {
    expect(plain('a\r\nb\rc')).toBe('a\nb\rc');
  });
  it('renders every raw golden stream the way the recorder did', () => {
    let files: string[] = [];
    try {
      files = readdirSync(RAW).filter((f) => f.endsWith('.json'));
    } catch {
      return; // shared recordings not on this machine
    }
    let checked = 0;
    for (const f of files) {
      const doc = JSON.parse(readFileSync(`${RAW}/${f}`, 'utf8')) as {
        steps: { stdout: string; stderr: string; stdout_raw?: string; stderr_raw?: string }[];
      };
      for (const s of doc.steps) {
        if (s.stdout_raw !== undefined) {
          expect(render(s.stdout_raw)).toBe(s.stdout);
          checked++;
        }
        if (s.stderr_raw !== undefined) {
          expect(render(s.stderr_raw)).toBe(s.stderr);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
