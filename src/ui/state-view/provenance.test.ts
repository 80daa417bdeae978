import { describe, expect, it } from 'vitest';
import { emptyModel } from './model';
import { findProvenance } from './provenance';

describe('findProvenance', () => {
  it('finds the command under the ID, the short ID, the name or a tag', () => {
    const m = emptyModel();
    const cid = 'a'.repeat(64);
    const iid = `sha256:${'b'.repeat(64)}`;
    m.containers.push({ id: cid, shortId: 'a'.repeat(12), name: 'web', image: 'nginx', imageId: iid, state: 'running', status: '', ports: [], networks: [], volumes: [] });
    m.images.push({ id: iid, shortId: 'b'.repeat(12), repoTags: ['nginx:latest'], repoDigests: [], dangling: false, size: 0, created: 0, layers: [], containers: [] });
    const prov = { web: 'docker run -d --name web nginx', nginx: 'docker pull nginx', [`${'c'.repeat(12)}`]: 'docker network create n' };
    expect(findProvenance(prov, { kind: 'container', id: cid }, m)).toBe('docker run -d --name web nginx');
    expect(findProvenance(prov, { kind: 'image', id: iid }, m)).toBe('docker pull nginx');
    expect(findProvenance(prov, { kind: 'network', id: 'c'.repeat(64) }, m)).toBe('docker network create n');
    expect(findProvenance(prov, { kind: 'volume', id: 'data' }, m)).toBeUndefined();
  });
});
