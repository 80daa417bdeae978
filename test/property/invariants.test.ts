import { describe, expect, it } from 'vitest';
import { dockerIn } from '../../src/runner/docker-exec';
import { createSession } from '../../src/runner/session';
import { storeInvariants } from './invariants';

describe('storeInvariants', () => {
  it('holds after ordinary commands and catches corrupted stores', async () => {
    const s = createSession();
    expect((await dockerIn(s, ['pull', 'busybox'])).exit).toBe(0);
    expect((await dockerIn(s, ['create', '--name', 'c1', 'busybox'])).exit).toBe(0);
    expect(storeInvariants(s.engine)).toEqual([]);

    const layer = s.engine.layers.all()[0];
    const refs = layer.refs;
    layer.refs = 0;
    expect(storeInvariants(s.engine).some((m) => m.includes('reference'))).toBe(true);
    layer.refs = refs;

    const c = s.engine.containers.list()[0];
    const image = c.Image;
    c.Image = `sha256:${'0'.repeat(64)}`;
    expect(storeInvariants(s.engine).some((m) => m.includes('missing image'))).toBe(true);
    expect(storeInvariants(s.engine, new Set([c.Image]))).toEqual([]);
    c.Image = image;
    expect(storeInvariants(s.engine)).toEqual([]);
  });
});
