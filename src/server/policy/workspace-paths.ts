/**
 * Bind sources: a path of the learner's (virtual) host maps into the session's
 * workspace on the server's disk (<workspace>/host/<path>). Nothing outside it
 * can be mounted: `..` is resolved first, and the real path (symlinks followed)
 * must stay inside. The Docker socket is refused by name as well.
 */
import { existsSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';
import { refuse } from './refusal';

const SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock', '/var/run/docker', '/run/docker', '/run/containerd', '/var/run/containerd']);

export class WorkspacePaths {
  constructor(readonly hostRoot: string) {}

  /** the server path a learner's absolute host path stands for */
  map(learnerPath: string): string {
    if (!learnerPath.startsWith('/')) refuse(`bind mount source ${JSON.stringify(learnerPath)} (not an absolute path)`);
    if (learnerPath.includes('\0')) refuse('a bind mount source with a NUL byte');
    const clean = posix.normalize(learnerPath).replace(/\/+$/, '') || '/';
    for (const s of SOCKETS) {
      if (clean === s || clean.startsWith(`${s}/`) || /(^|\/)docker\.sock$/.test(clean)) refuse(`mounting the Docker socket (${learnerPath})`);
    }
    const mapped = clean === '/' ? this.hostRoot : posix.join(this.hostRoot, clean);
    this.assertInside(mapped, learnerPath);
    return mapped;
  }

  /** the learner's path a server path of the workspace stands for (what inspect shows); others unchanged */
  unmap(serverPath: string): string {
    if (serverPath === this.hostRoot) return '/';
    return serverPath.startsWith(`${this.hostRoot}/`) ? serverPath.slice(this.hostRoot.length) : serverPath;
  }

  /** a daemon's text with the workspace's paths shown as the learner's ("bind source path does not exist: /src/webapp") */
  unmapText(text: string): string {
    return text.split(`${this.hostRoot}/`).join('/').split(this.hostRoot).join('/');
  }

  /** a `SOURCE:TARGET[:MODE]` bind with its source unmapped (a volume name stays as it is) */
  unmapBind(bind: string): string {
    if (!bind.startsWith('/')) return bind;
    const colon = bind.indexOf(':');
    return colon < 0 ? this.unmap(bind) : this.unmap(bind.slice(0, colon)) + bind.slice(colon);
  }

  /** the real path of `mapped` (or of its deepest existing parent) must be inside the workspace */
  private assertInside(mapped: string, learnerPath: string): void {
    let probe = mapped;
    while (!existsSync(probe) && probe !== this.hostRoot && probe !== '/') probe = posix.dirname(probe);
    const root = existsSync(this.hostRoot) ? realpathSync(this.hostRoot) : this.hostRoot;
    const real = existsSync(probe) ? realpathSync(probe) : probe;
    if (real !== root && !real.startsWith(`${root}/`)) refuse(`a bind mount of ${learnerPath} outside the session's workspace`);
  }
}
