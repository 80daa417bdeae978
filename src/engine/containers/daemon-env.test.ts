import { describe, expect, it } from 'vitest';
import { daemonEnvironment, replaceOrAppendEnv } from './daemon-env';

describe('daemonEnvironment', () => {
  it('puts PATH and HOSTNAME first and appends the container variables in their order', () => {
    expect(daemonEnvironment('abc123', false, ['PATH=/bin', 'APP=1', 'HOME=/x'])).toEqual(['PATH=/bin', 'HOSTNAME=abc123', 'APP=1', 'HOME=/x']);
  });
  it('adds TERM=xterm after HOSTNAME with a TTY, and a container TERM replaces it in place', () => {
    expect(daemonEnvironment('h', true, [])).toEqual([`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, 'HOSTNAME=h', 'TERM=xterm']);
    expect(daemonEnvironment('h', true, ['A=1', 'TERM=vt100'])[2]).toBe('TERM=vt100');
  });
});

describe('replaceOrAppendEnv', () => {
  it('unsets a default named without =, keeps later duplicates of new keys', () => {
    expect(replaceOrAppendEnv(['A=1', 'B=2'], ['A', 'C=3', 'C=4'])).toEqual(['B=2', 'C=3', 'C=4']);
  });
});
