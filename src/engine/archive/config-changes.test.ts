import { describe, expect, it } from 'vitest';
import type { ContainerConfig } from '../../api/image';
import { applyConfigChanges, splitWords } from './config-changes';

const base: ContainerConfig = {
  Hostname: 'abc',
  Domainname: '',
  User: '',
  AttachStdin: false,
  AttachStdout: false,
  AttachStderr: false,
  ExposedPorts: { '80/tcp': {} },
  Tty: false,
  OpenStdin: false,
  StdinOnce: false,
  Env: ['PATH=/usr/bin:/bin'],
  Cmd: ['sleep', '100'],
  Image: 'busybox',
  Volumes: null,
  WorkingDir: '',
  Entrypoint: null,
  OnBuild: null,
  Labels: {},
};

describe('applyConfigChanges', () => {
  it('applies CMD in exec and shell form', () => {
    expect(applyConfigChanges(base, ['CMD ["sh"]']).Cmd).toEqual(['sh']);
    expect(applyConfigChanges(base, ['CMD echo hi']).Cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
    expect(applyConfigChanges(base, ['cmd ["x"]']).Cmd).toEqual(['x']);
  });

  it('clears Cmd on ENTRYPOINT unless CMD came first', () => {
    const a = applyConfigChanges(base, ['ENTRYPOINT ["a"']);
    expect(a.Entrypoint).toEqual(['/bin/sh', '-c', '["a"']);
    expect(a.Cmd).toBeNull();
    expect(applyConfigChanges(base, ['CMD ["x"]', 'ENTRYPOINT ["e"]']).Cmd).toEqual(['x']);
  });

  it('sets and replaces ENV in both forms', () => {
    expect(applyConfigChanges(base, ['ENV A B C']).Env).toEqual(['PATH=/usr/bin:/bin', 'A=B C']);
    expect(applyConfigChanges(base, ['ENV A=1 B="2 3"', 'ENV PATH=/x']).Env).toEqual(['PATH=/x', 'A=1', 'B=2 3']);
  });

  it('merges EXPOSE, LABEL, VOLUME and resolves WORKDIR', () => {
    const c = applyConfigChanges(base, ['EXPOSE 80/udp 90', 'LABEL a=b', 'VOLUME /a /b', 'VOLUME ["/c"]', 'WORKDIR rel', 'USER nobody']);
    expect(Object.keys(c.ExposedPorts ?? {})).toEqual(['80/tcp', '80/udp', '90/tcp']);
    expect(c.Labels).toEqual({ a: 'b' });
    expect(Object.keys(c.Volumes ?? {})).toEqual(['/a', '/b', '/c']);
    expect(c.WorkingDir).toBe('/rel');
    expect(c.User).toBe('nobody');
    expect(base.ExposedPorts).toEqual({ '80/tcp': {} });
  });

  it('keeps ONBUILD triggers as typed and supports HEALTHCHECK', () => {
    expect(applyConfigChanges(base, ['ONBUILD RUN x']).OnBuild).toEqual(['RUN x']);
    expect(applyConfigChanges(base, ['HEALTHCHECK NONE']).Healthcheck).toEqual({ Test: ['NONE'] });
    expect(applyConfigChanges(base, ['HEALTHCHECK --interval=5s CMD curl -f localhost']).Healthcheck).toEqual({
      Interval: 5e9,
      Test: ['CMD-SHELL', 'curl -f localhost'],
    });
  });

  it('rejects what the daemon rejects, with its texts', () => {
    expect(() => applyConfigChanges(base, ['FROM x'])).toThrow('from is not a valid change command');
    expect(() => applyConfigChanges(base, ['STOPSIGNAL SIGKILL'])).toThrow('stopsignal is not a valid change command');
    expect(() => applyConfigChanges(base, ['ENV'])).toThrow('ENV requires at least one argument');
    expect(() => applyConfigChanges(base, ['LABEL a=b c'])).toThrow(
      `Syntax error - can't find = in "c". Must be of the form: name=value`,
    );
    expect(() => applyConfigChanges(base, ['EXPOSE abc'])).toThrow('Invalid containerPort: abc');
  });
});

describe('splitWords', () => {
  it('honours quotes and escapes', () => {
    expect(splitWords(`a "b c" 'd e' f\\ g`)).toEqual(['a', 'b c', 'd e', 'f g']);
  });
});
