import { describe, expect, it } from 'vitest';
import { dockerIn } from '../../src/runner/docker-exec';
import { createSession } from '../../src/runner/session';

async function docker(s: ReturnType<typeof createSession>, line: string) {
  const r = await dockerIn(s, line.split(' '));
  return { exit: r.exit, out: r.stdout.replace(/\r/g, ''), err: r.stderr.replace(/\r/g, '') };
}

describe('image prune', () => {
  it('-a after a build removes every image: a reference removed with an earlier one is skipped, not an error', async () => {
    const s = createSession();
    s.hostFs.mkdir('/srv/work/b', { recursive: true });
    s.hostFs.writeFile('/srv/work/b/Dockerfile', new TextEncoder().encode('FROM busybox\nRUN echo hi > /x\nCMD cat /x\n'));
    expect((await docker(s, 'build -t t1 b')).exit).toBe(0);
    // busybox has a tag and a digest reference, and a child image (the build's)
    const pruned = await docker(s, 'image prune -a -f');
    expect(pruned.err).toBe('');
    expect(pruned.exit).toBe(0);
    expect(pruned.out).toMatch(/^Deleted Images:\nuntagged: /);
    expect(s.engine.images.all()).toEqual([]);
    expect(s.engine.references.all()).toEqual([]);
    expect(s.engine.layers.all()).toEqual([]);
  });

  it('system prune -a after a build leaves nothing either', async () => {
    const s = createSession();
    s.hostFs.mkdir('/srv/work/b', { recursive: true });
    s.hostFs.writeFile('/srv/work/b/Dockerfile', new TextEncoder().encode('FROM busybox\nRUN echo hi > /x\n'));
    expect((await docker(s, 'build -t t1 b')).exit).toBe(0);
    expect((await docker(s, 'tag busybox mine:v1')).exit).toBe(0);
    const r = await docker(s, 'system prune -a -f');
    expect(r.err).toBe('');
    expect(r.exit).toBe(0);
    expect(s.engine.images.all()).toEqual([]);
  });
});
