import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';

describe('a build cancelled while RUN runs', () => {
  it('kills and removes the RUN container (moby containerManager.Run), whatever the command does', async () => {
    const s = createSession();
    for (const run of ['sleep 1000', 'while :; do :; done', 'trap "" TERM INT; sleep 1000']) {
      expect((await runStep(s, `mkdir -p b && printf 'FROM busybox\\nRUN ${run}\\n' > b/Dockerfile`, {})).exit).toBe(0);
      const r = await runStep(s, 'docker build b', { timeoutSeconds: 5 });
      expect(r.exit, run).toBe(137);
      expect(r.stdoutRaw, run).toContain(' ---> Running in ');
      expect(s.engine.containers.list(), run).toEqual([]);
    }
    // nothing of the builds is left: only busybox
    expect(s.engine.images.all()).toHaveLength(1);
  });
});
