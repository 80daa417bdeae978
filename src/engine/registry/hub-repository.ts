/**
 * One repository of the simulated Docker Hub as seen with some credentials,
 * with the Hub's access rules (as the stand-in hub enforces them): anyone may
 * read a repository that exists (a user also their own namespace); only a
 * logged-in user may write, and only to USER/*.
 */
import { sha256Digest } from '../layers/digest';
import { isHiddenTag } from './catalog';
import type { HubState } from './hub-state';
import { type FetchedManifest, type LayerPayload, RegistryError, type RemoteRepository } from './remote';

export class HubRepository implements RemoteRepository {
  readonly canRead: boolean;
  readonly canWrite: boolean;

  constructor(
    private readonly hub: HubState,
    readonly path: string,
    user: string,
  ) {
    const owner = path.split('/')[0];
    const exists = hub.repos.has(path);
    this.canWrite = user !== '' && owner !== 'library' && owner === user;
    this.canRead = exists || (user !== '' && owner === user);
  }

  private denied(): RegistryError {
    return new RegistryError('denied', 'denied: requested access to the resource is denied');
  }

  async getManifest(tagOrDigest: string): Promise<FetchedManifest | undefined> {
    if (!this.canRead) throw this.denied();
    const repo = this.hub.repo(this.path);
    if (!repo) return undefined;
    let digest: string | undefined;
    if (tagOrDigest.startsWith('sha256:')) {
      const known = [...repo.tags.values()].includes(tagOrDigest);
      digest = known ? tagOrDigest : undefined;
    } else if (!isHiddenTag(tagOrDigest)) digest = repo.tags.get(tagOrDigest);
    const json = digest ? this.hub.manifests.get(digest) : undefined;
    return json && digest ? { json, digest } : undefined;
  }

  async getConfig(digest: string): Promise<string> {
    const c = this.hub.config(digest);
    if (c === undefined) throw new RegistryError('blob-unknown', 'blob unknown to registry');
    return c;
  }

  async getLayer(digest: string): Promise<LayerPayload> {
    const l = this.hub.layer(digest);
    if (!l) throw new RegistryError('blob-unknown', 'blob unknown to registry');
    return l;
  }

  async hasBlob(digest: string): Promise<boolean> {
    if (!this.canRead) throw this.denied();
    return this.hub.repo(this.path)?.blobs.has(digest) ?? false;
  }

  async putConfig(digest: string, json: string): Promise<void> {
    if (!this.canWrite) throw this.denied();
    this.hub.putConfig(digest, json);
    this.hub.repo(this.path, true)!.blobs.add(digest);
  }

  async putLayer(digest: string, compressedSize: number, layer: LayerPayload): Promise<void> {
    if (!this.canWrite) throw this.denied();
    this.hub.putLayer(digest, compressedSize, layer);
    this.hub.repo(this.path, true)!.blobs.add(digest);
  }

  async putManifest(tag: string, json: string): Promise<string> {
    if (!this.canWrite) {
      throw new RegistryError(
        'unauthorized',
        'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
      );
    }
    const digest = sha256Digest(json);
    this.hub.manifests.set(digest, json);
    this.hub.repo(this.path, true)!.tags.set(tag, digest);
    return digest;
  }
}
