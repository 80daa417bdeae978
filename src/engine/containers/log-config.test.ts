import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../api/errors';
import type { ContainerRecord } from './container-record';
import { detailsPrefix, logAttributes, startLogger, verifyLogConfig } from './log-config';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DaemonError) return e.message;
    throw e;
  }
  return 'no error';
}

const container = (config: Record<string, string>, labels: Record<string, string> = {}, env: string[] = []) =>
  ({ HostConfig: { LogConfig: { Type: 'json-file', Config: config } }, Config: { Labels: labels, Env: env } }) as unknown as ContainerRecord;

describe('log drivers', () => {
  it('refuse unknown drivers and options at create; none takes anything', () => {
    expect(message(() => verifyLogConfig({ Type: 'nosuch', Config: {} }))).toBe('error looking up logging plugin nosuch: plugin "nosuch" not found');
    expect(message(() => verifyLogConfig({ Type: 'json-file', Config: { bogus: '1' } }))).toBe("unknown log opt 'bogus' for json-file log driver");
    expect(message(() => verifyLogConfig({ Type: 'json-file', Config: { mode: 'fast' } }))).toBe('logger: logging mode not supported: fast');
    expect(message(() => verifyLogConfig({ Type: 'none', Config: { bogus: '1' } }))).toBe('no error');
    expect(message(() => verifyLogConfig({ Type: 'json-file', Config: { 'max-size': 'abc', 'max-file': '2', labels: 'a' } }))).toBe('no error');
  });

  it('parse json-file sizes and counts when the container starts', () => {
    expect(message(() => startLogger(container({ 'max-size': 'abc' })))).toBe("failed to initialize logging driver: invalid size: 'abc'");
    expect(message(() => startLogger(container({ 'max-file': 'x' })))).toBe('failed to initialize logging driver: strconv.Atoi: parsing "x": invalid syntax');
    expect(message(() => startLogger(container({ 'max-file': '0' })))).toBe('failed to initialize logging driver: max-file cannot be less than 1');
    expect(message(() => startLogger(container({ compress: 'true' })))).toBe(
      'failed to initialize logging driver: compress cannot be true when max-file is less than 2 or max-size is not set',
    );
    expect(message(() => startLogger(container({ 'max-size': '1k', 'max-file': '2', compress: 'true' })))).toBe('no error');
  });

  it('--details shows the labels and variables the log options name, sorted and query-escaped', () => {
    const c = container({ labels: 'env,missing', env: 'A_B' }, { env: 'dev', other: 'x' }, ['A_B=x y', 'C=1']);
    expect(logAttributes(c)).toEqual({ env: 'dev', A_B: 'x y' });
    expect(detailsPrefix(logAttributes(c))).toBe('A_B=x+y,env=dev ');
    expect(detailsPrefix({})).toBe(' ');
  });
});
