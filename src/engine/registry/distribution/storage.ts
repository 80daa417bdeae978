/**
 * distribution's filesystem storage driver layout, under the registry root
 * (/var/lib/registry in the `registry` image):
 *
 *   docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data
 *   docker/registry/v2/repositories/<name>/_layers/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/revisions/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link
 *   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/index/sha256/<hex>/link
 */
import { type FileSystem, textDecoder } from '../../../api/fs';
import { ROOT_DIR, mkdirAllOwned } from '../../fs/mkdir-owned';

export class RegistryStorage {
  constructor(
    private readonly fs: FileSystem,
    private readonly root: string,
  ) {}

  private get v2(): string {
    return `${this.root.replace(/\/$/, '')}/docker/registry/v2`;
  }

  private hex(digest: string): string {
    return digest.replace(/^sha256:/, '');
  }

  private blobPath(digest: string): string {
    const h = this.hex(digest);
    return `${this.v2}/blobs/sha256/${h.slice(0, 2)}/${h}/data`;
  }

  private repoPath(name: string): string {
    return `${this.v2}/repositories/${name}`;
  }

  /** the registry runs as root in its image: what it creates is root's (0755 directories, 0644 files), also on a bind-mounted host folder */
  private write(path: string, data: Uint8Array | string): void {
    mkdirAllOwned(this.fs, path.slice(0, path.lastIndexOf('/')), ROOT_DIR);
    const fresh = !this.fs.exists(path);
    this.fs.writeFile(path, data, 0o644);
    if (fresh) this.fs.chown(path, 0, 0);
  }

  private read(path: string): string | undefined {
    try {
      return textDecoder.decode(this.fs.readFile(path));
    } catch {
      return undefined;
    }
  }

  hasBlob(digest: string): boolean {
    return this.fs.exists(this.blobPath(digest));
  }

  readBlob(digest: string): Uint8Array | undefined {
    try {
      return this.fs.readFile(this.blobPath(digest));
    } catch {
      return undefined;
    }
  }

  writeBlob(digest: string, data: Uint8Array | string): void {
    this.write(this.blobPath(digest), data);
  }

  /** is the blob linked into this repository */
  repoHasBlob(name: string, digest: string): boolean {
    return this.fs.exists(`${this.repoPath(name)}/_layers/sha256/${this.hex(digest)}/link`) && this.hasBlob(digest);
  }

  linkBlob(name: string, digest: string): void {
    this.write(`${this.repoPath(name)}/_layers/sha256/${this.hex(digest)}/link`, digest);
  }

  putManifest(name: string, tag: string | undefined, digest: string, json: string): void {
    this.writeBlob(digest, json);
    const h = this.hex(digest);
    this.write(`${this.repoPath(name)}/_manifests/revisions/sha256/${h}/link`, digest);
    if (tag) {
      this.write(`${this.repoPath(name)}/_manifests/tags/${tag}/current/link`, digest);
      this.write(`${this.repoPath(name)}/_manifests/tags/${tag}/index/sha256/${h}/link`, digest);
    }
  }

  /** manifest digest for a tag or a digest, if this repository has it */
  resolveManifest(name: string, tagOrDigest: string): string | undefined {
    if (tagOrDigest.startsWith('sha256:')) {
      const link = this.read(`${this.repoPath(name)}/_manifests/revisions/sha256/${this.hex(tagOrDigest)}/link`);
      return link ? tagOrDigest : undefined;
    }
    return this.read(`${this.repoPath(name)}/_manifests/tags/${tagOrDigest}/current/link`);
  }

  /** repository names (with slashes), sorted: those that have _manifests */
  repositories(): string[] {
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      let names: string[];
      try {
        names = this.fs.readdir(dir);
      } catch {
        return;
      }
      if (names.includes('_manifests')) out.push(prefix);
      for (const n of names) {
        if (n.startsWith('_')) continue;
        try {
          if (this.fs.stat(`${dir}/${n}`).type === 'dir') walk(`${dir}/${n}`, prefix ? `${prefix}/${n}` : n);
        } catch {
          // vanished while walking
        }
      }
    };
    walk(`${this.v2}/repositories`, '');
    return out.sort();
  }

  tags(name: string): string[] | undefined {
    const dir = `${this.repoPath(name)}/_manifests/tags`;
    if (!this.fs.exists(`${this.repoPath(name)}/_manifests`)) return undefined;
    try {
      return this.fs.readdir(dir).sort();
    } catch {
      return [];
    }
  }
}
