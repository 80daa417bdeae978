import { describe, expect, it } from 'vitest';
import { applyProvenance } from './provenance';

describe('provenance', () => {
  it('records the first command that made an object and forgets removed ones', () => {
    let p: Record<string, string> = {};
    p = applyProvenance(
      p,
      [
        { kind: 'engine', subject: 'image', action: 'pull', id: 'sha256:aa', name: 'nginx:alpine' },
        { kind: 'engine', subject: 'container', action: 'create', id: 'c1' },
        { kind: 'engine', subject: 'volume', action: 'create', id: 'data' },
        { kind: 'file', subject: '/tmp/x', action: 'write' },
      ],
      'docker run -d -v data:/d nginx:alpine',
    );
    p = applyProvenance(p, [{ kind: 'engine', subject: 'image', action: 'tag', id: 'sha256:aa', name: 'web:1' }], 'docker tag nginx:alpine web:1');
    p = applyProvenance(
      p,
      [
        { kind: 'engine', subject: 'container', action: 'commit', id: 'c1', attributes: { imageID: 'sha256:bb' } },
        { kind: 'engine', subject: 'container', action: 'destroy', id: 'c1' },
      ],
      'docker commit c1 && docker rm c1',
    );
    expect(p).toEqual({
      'sha256:aa': 'docker run -d -v data:/d nginx:alpine',
      'nginx:alpine': 'docker run -d -v data:/d nginx:alpine',
      data: 'docker run -d -v data:/d nginx:alpine',
      'web:1': 'docker tag nginx:alpine web:1',
      'sha256:bb': 'docker commit c1 && docker rm c1',
    });
    const same = applyProvenance(p, [{ kind: 'engine', subject: 'container', action: 'start', id: 'x' }], 'docker start x');
    expect(same).toBe(p);
  });
});
