/**
 * Tags and digests per repository (moby reference store, refstore): each
 * repository name maps full references ("docker.io/library/ubuntu:18.04",
 * "docker.io/library/ubuntu@sha256:…") to an image ID. State only; the
 * operations that add and remove references are in ops/.
 */
import { parseReference, type Reference, refName, refString } from '../../lib/reference';

export class ReferenceStore {
  /** repository → (reference string → image id) */
  readonly repositories = new Map<string, Map<string, string>>();

  /** the image a tag or digest reference points to */
  get(ref: Reference): string | undefined {
    return this.repositories.get(refName(ref))?.get(refString(ref));
  }

  /** every reference to `imageId`, sorted by their full string (moby lexicalRefs) */
  referencesOf(imageId: string): Reference[] {
    const out: string[] = [];
    for (const refs of this.repositories.values()) {
      for (const [r, id] of refs) if (id === imageId) out.push(r);
    }
    out.sort();
    return out.map((s) => parseReference(s));
  }

  all(): { ref: Reference; imageId: string }[] {
    const out: { ref: Reference; imageId: string }[] = [];
    for (const refs of this.repositories.values()) {
      for (const [r, id] of refs) out.push({ ref: parseReference(r), imageId: id });
    }
    return out;
  }

  set(ref: Reference, imageId: string): void {
    const name = refName(ref);
    let repo = this.repositories.get(name);
    if (!repo) {
      repo = new Map();
      this.repositories.set(name, repo);
    }
    repo.set(refString(ref), imageId);
  }

  delete(ref: Reference): boolean {
    const name = refName(ref);
    const repo = this.repositories.get(name);
    if (!repo) return false;
    const ok = repo.delete(refString(ref));
    if (repo.size === 0) this.repositories.delete(name);
    return ok;
  }
}
