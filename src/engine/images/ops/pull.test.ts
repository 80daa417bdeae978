import { describe, expect, it } from 'vitest';
import type { JSONMessage } from '../../../api/jsonmessage';
import { testEngine } from '../test-engine';
import { listImages } from './list';
import { pullImage } from './pull';

async function pull(engine: ReturnType<typeof testEngine>, ref: string): Promise<JSONMessage[]> {
  const msgs: JSONMessage[] = [];
  await pullImage(engine, ref, { onMessage: (m) => msgs.push(m) });
  return msgs;
}

/** the lines a non-terminal shows for the final state of each layer (like the golden screen) */
function finalLines(msgs: JSONMessage[]): string[] {
  const out: string[] = [];
  const idx = new Map<string, number>();
  for (const m of msgs) {
    const line = m.id ? `${m.id}: ${m.status}` : (m.status ?? '');
    if (m.id && m.progressDetail) {
      if (idx.has(m.id)) out[idx.get(m.id)!] = line;
      else {
        idx.set(m.id, out.length);
        out.push(line);
      }
    } else out.push(line);
  }
  return out;
}

describe('pull', () => {
  it('prints what docker pull ubuntu:18.04 prints', async () => {
    const e = testEngine();
    const msgs = await pull(e, 'ubuntu:18.04');
    expect(finalLines(msgs)).toEqual([
      '18.04: Pulling from library/ubuntu',
      '430044e8c7e5: Pull complete',
      '16a431a6db5b: Pull complete',
      'Digest: sha256:1d38e802e961ecbc7f81f8c8f68d7cbf5c95ac36b2f8097354703d3b7a9029ef',
      'Status: Downloaded newer image for ubuntu:18.04',
    ]);
    const again = await pull(e, 'docker.io/library/ubuntu:18.04');
    expect(finalLines(again)).toEqual([
      '18.04: Pulling from library/ubuntu',
      'Digest: sha256:1d38e802e961ecbc7f81f8c8f68d7cbf5c95ac36b2f8097354703d3b7a9029ef',
      'Status: Image is up to date for ubuntu:18.04',
    ]);
    const bionic = await pull(e, 'ubuntu:bionic');
    expect(finalLines(bionic)[2]).toBe('Status: Downloaded newer image for ubuntu:bionic');
    const list = listImages(e);
    expect(list).toHaveLength(1);
    expect(list[0].Id).toBe('sha256:3ca392d5b7626caa60a853a0001945377e2e159eb231b75ba607700fa322060e');
    expect(list[0].RepoTags).toEqual(['ubuntu:18.04', 'ubuntu:bionic']);
    expect(list[0].Size).toBe(6602046);
  });

  it('marks shared layers Already exists and queues the fourth download', async () => {
    const e = testEngine();
    await pull(e, 'redis');
    const msgs = await pull(e, 'nginx');
    const lines = finalLines(msgs);
    expect(lines[1]).toBe('f9d17ce185fd: Already exists');
    expect(lines.slice(2, 6).every((l) => l.endsWith('Pull complete'))).toBe(true);
    const first = await pull(testEngine(), 'redis');
    expect(first.filter((m) => m.status === 'Waiting').map((m) => m.id)).toEqual(['acc4327ba326']);
  });

  it('reports unknown tags and repositories with the daemon texts', async () => {
    const e = testEngine();
    await expect(pull(e, 'ubuntu:13.10')).rejects.toThrow(
      'manifest for ubuntu:13.10 not found: manifest unknown: manifest unknown',
    );
    await expect(pull(e, 'ubunut')).rejects.toThrow(
      "pull access denied for ubunut, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    await expect(pull(e, 'Ubuntu')).rejects.toThrow('invalid reference format: repository name must be lowercase');
    await expect(pull(e, 'mongo:3.2-fidelity-next')).rejects.toThrow('manifest for mongo:3.2-fidelity-next not found');
  });
});
