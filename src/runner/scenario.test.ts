import { describe, expect, it } from 'vitest';
import { decodeKeys, parseScenario, ScenarioError, substitute } from './scenario';

describe('parseScenario', () => {
  it('reads description, directives, hidden steps and captures', () => {
    const sc = parseScenario(
      [
        '# first line',
        '# second line',
        'docker pull ubuntu:18.04',
        '# a comment',
        '#@ wait: 3.5',
        '#@ keys: \\x03',
        '#@ timeout: 12',
        '#@ note: hi',
        'docker run ubuntu echo hi',
        '#$ OLD := docker ps -lq',
        '#! {{FID_DIR}}/lib/hubctl reset',
        '#@ sleep: 1',
        '#@ stdin: y',
        '  docker stop {{OLD}}  ',
      ].join('\n'),
    );
    expect(sc.description).toEqual(['first line', 'second line']);
    expect(sc.items).toEqual([
      { kind: 'step', cmd: 'docker pull ubuntu:18.04', input: [], notes: [] },
      {
        kind: 'step',
        cmd: 'docker run ubuntu echo hi',
        comment: 'a comment',
        input: [
          { kind: 'wait', seconds: 3.5 },
          { kind: 'keys', text: '\\x03' },
        ],
        notes: ['hi'],
        timeout: 12,
      },
      { kind: 'capture', name: 'OLD', cmd: 'docker ps -lq' },
      { kind: 'hidden', cmd: '{{FID_DIR}}/lib/hubctl reset' },
      { kind: 'step', cmd: 'docker stop {{OLD}}', input: [{ kind: 'stdin', text: 'y' }], notes: [], sleep: 1 },
    ]);
  });
  it('rejects unknown directives', () => {
    expect(() => parseScenario('#@ frobnicate: 1\nls')).toThrow(ScenarioError);
  });
});

describe('decodeKeys / substitute', () => {
  it('decodes python escapes', () => {
    expect(decodeKeys('\\x10\\x11')).toBe('\x10\x11');
    expect(decodeKeys('\\x03')).toBe('\x03');
  });
  it('replaces longer names first', () => {
    expect(substitute('a {{C}} {{CID}}', { C: 'x', CID: 'y' })).toBe('a x y');
  });
});
