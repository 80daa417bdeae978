import { describe, expect, it } from 'vitest';
import { diagnoseDockerfile } from './dockerfile-diagnostics';

describe('Dockerfile diagnostics (the daemon parser)', () => {
  it('flags an unknown instruction at its line with the daemon text', () => {
    expect(diagnoseDockerfile('FROM busybox\nRUNN echo hi\n')).toEqual([
      { severity: 'error', startLine: 2, endLine: 2, message: 'dockerfile parse error line 2: unknown instruction: RUNN' },
    ]);
  });
  it('accepts a good Dockerfile', () => {
    expect(diagnoseDockerfile('# syntax comment\nFROM nginx\nCOPY index.html /usr/share/nginx/html/\nCMD ["nginx", "-g", "daemon off;"]\n')).toEqual([]);
  });
  it('counts lines through comments and continuations, flags every bad instruction', () => {
    const text = 'FROM busybox\n# note\nRUN echo a \\\n  b\nENV\nCOPY --bogus a b\nEXPOSE\n';
    const d = diagnoseDockerfile(text);
    expect(d.map((x) => [x.startLine, x.message])).toEqual([
      [5, 'dockerfile parse error line 5: ENV requires at least one argument'],
      [6, 'dockerfile parse error line 6: Unknown flag: bogus'],
      [7, 'dockerfile parse error line 7: EXPOSE requires at least one argument'],
    ]);
  });
  it('spans a multi-line instruction and warns on empty continuation lines', () => {
    const d = diagnoseDockerfile('FROM busybox\nRUNN a \\\n\n  b\n');
    expect(d[0]).toMatchObject({ severity: 'error', startLine: 2, endLine: 4 });
    expect(d[1]).toMatchObject({ severity: 'warning', startLine: 3, endLine: 3 });
  });
  it('reports parser errors without a line at the line that causes them', () => {
    expect(diagnoseDockerfile('FROM busybox\nRUN echo\nCMD ["a", 1]\n')).toEqual([
      { severity: 'error', startLine: 3, endLine: 3, message: 'failed to parse Dockerfile: when using JSON array syntax, arrays must be comprised of strings only' },
    ]);
    expect(diagnoseDockerfile('# only a comment\n', 'web.Dockerfile')[0]?.message).toBe('failed to parse web.Dockerfile: file with no instructions');
    expect(diagnoseDockerfile('RUN echo\nFROM x\n')[0]).toMatchObject({ startLine: 1, message: 'no build stage in current context' });
    expect(diagnoseDockerfile('')[0]?.message).toBe('the Dockerfile (Dockerfile) cannot be empty');
    expect(diagnoseDockerfile('ARG V=1\nFROM busybox:$V\n')).toEqual([]);
  });
});
