import { describe, expect, it } from 'vitest';
import { createSession, loadCatalog } from '../../src/runner/session';
import { runStep } from '../../src/runner/step-driver';
import { BlobTable } from '../../src/engine/snapshot/blob-table';
import { checkEngineSnapshot, restoreEngine } from '../../src/engine/snapshot/restore-engine';
import { snapshotEngine } from '../../src/engine/snapshot/snapshot-engine';
import type { EngineSnapshot } from '../../src/engine/snapshot/engine-snapshot';

async function sample(): Promise<{ snap: EngineSnapshot; blobs: BlobTable; opts: Parameters<typeof restoreEngine>[1] }> {
  const s = createSession();
  for (const line of [
    'docker network create n1',
    'docker run -d --name c1 -v v1:/data -p 8080:80 busybox sleep 1000',
    'docker run -d --name c2 --network n1 busybox sleep 1000',
    'mkdir -p b && printf "FROM busybox\\nRUN echo hi > /x\\n" > b/Dockerfile && docker build -q -t mine b',
    // an image of no layer: its rootfs has no diff_ids (found by the fuzzer: such exports were refused)
    'mkdir -p e && printf "FROM scratch\\nUSER nobody\\n" > e/Dockerfile && docker build -q -t empty e',
  ]) {
    expect((await runStep(s, line, {})).exit, line).toBe(0);
  }
  const blobs = new BlobTable();
  const snap = JSON.parse(JSON.stringify(snapshotEngine(s.engine, blobs))) as EngineSnapshot;
  return { snap, blobs, opts: { clock: s.clock, ids: s.engine.ids, hostFs: s.hostFs, catalog: loadCatalog(), runtime: s.engine.runtime } };
}

const copy = (s: EngineSnapshot) => JSON.parse(JSON.stringify(s)) as EngineSnapshot;
const other = `sha256:${'ab'.repeat(32)}`;

describe('checkEngineSnapshot', () => {
  it('takes a real snapshot and refuses every kind of damage, saying what it is', async () => {
    const { snap } = await sample();
    expect(() => checkEngineSnapshot(copy(snap))).not.toThrow();
    // docker allows removing a network a stopped container was on: that container is no damage
    const gone = copy(snap);
    gone.networks = gone.networks.filter((n) => n.name !== 'n1');
    for (const c of gone.containers) c.State.Running = false;
    expect(() => checkEngineSnapshot(gone)).not.toThrow();
    const damage: [string, (s: EngineSnapshot) => void, RegExp][] = [
      ['unknown layer parent', (s) => void ((s.layers.find((l) => l.parent) as { parent?: string }).parent = other), /sits on missing layer/],
      ['layers in a cycle', (s) => void ((s.layers.find((l) => !l.parent) as { parent?: string }).parent = s.layers[s.layers.length - 1]?.chainId), /cycle|sits on/],
      ['missing top layer', (s) => void ((s.images[0] as { chainId: string }).chainId = other), /missing top layer/],
      ['image ID not its config digest', (s) => void ((s.images[0] as { configJson: string }).configJson += ' '), /not the digest of its config/],
      ['missing parent image', (s) => void ((s.images.find((i) => !i.parent) as { parent: string }).parent = other), /missing parent|not the digest/],
      ['reference to a missing image', (s) => void ((s.references[0]?.[1][0] as [string, string])[1] = other), /points to missing image/],
      ['a layer no one uses', (s) => {
        const i = s.images.findIndex((x) => x.parent);
        const id = s.images[i]?.id;
        s.images.splice(i, 1);
        for (const r of s.references) r[1] = r[1].filter(([, x]) => x !== id);
      }, /used by no image/],
      ['wrong type', (s) => void ((s.containers[0] as unknown as { State: { Pid: unknown } }).State.Pid = 'x'), /State\.Pid: not an integer/],
      ['NaN-making type', (s) => void ((s.containers[0] as unknown as { Created: unknown }).Created = 'yesterday'), /Created: not a number/],
      ['list made an object', (s) => void ((s.containers[0] as unknown as { Args: unknown }).Args = { a: 1 }), /Args: not a list/],
      ['10,000-deep nesting', (s) => {
        let v: unknown = 1;
        for (let i = 0; i < 10_000; i++) v = [v];
        (s.containers[0] as unknown as { Config: { Labels: unknown } }).Config.Labels = v;
      }, /nested deeper than/],
      ['no bridge network', (s) => void (s.networks = s.networks.filter((n) => n.name !== 'bridge')), /no bridge network|missing network bridge/],
      ['no networks at all', (s) => void (s.networks = []), /no bridge network|missing network/],
      ['endpoint of a missing container', (s) => void ((s.networks.find((n) => n.endpoints.length)?.endpoints[0] as { containerId: string }).containerId = 'f'.repeat(64)), /endpoint of missing container/],
      ['mount of a missing volume', (s) => void ((s.containers.find((c) => c.Mounts.length)?.Mounts[0] as { Name?: string }).Name = 'nosuch'), /mounts missing volume/],
      ['volume of a missing container', (s) => void ((s.volumes[0] as { refs: string[] }).refs = ['e'.repeat(64)]), /used by missing container/],
      ['the same container twice', (s) => void s.containers.push(copy(s).containers[0] as EngineSnapshot['containers'][0]), /container \w+ twice/],
      ['two containers of one name', (s) => void ((s.containers[1] as { Name: string }).Name = (s.containers[0] as { Name: string }).Name), /container name \/c1 twice/],
      ['published port of a missing container', (s) => void ((s.portMappings[0] as { containerId: string }).containerId = 'd'.repeat(64)), /published by missing container/],
    ];
    for (const [what, hurt, message] of damage) {
      const s = copy(snap);
      hurt(s);
      expect(() => checkEngineSnapshot(s), what).toThrow(message);
    }
  });

  it('takes the layer reference counts from the graph, not from the file', async () => {
    const { snap, blobs, opts } = await sample();
    const s = copy(snap);
    for (const l of s.layers) l.refs = 1e9;
    const engine = restoreEngine(s, opts, blobs);
    const want = new Map<string, number>();
    for (const i of s.images) if (i.chainId) want.set(i.chainId, (want.get(i.chainId) ?? 0) + 1);
    for (const l of s.layers) if (l.parent) want.set(l.parent, (want.get(l.parent) ?? 0) + 1);
    for (const l of engine.layers.all()) expect(l.refs).toBe(want.get(l.chainId));
  });
});
