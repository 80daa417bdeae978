/**
 * Tags and digests per repository (moby reference store, refstore): each
 * repository name maps full references ("docker.io/library/ubuntu:18.04",
 * "docker.io/library/ubuntu@sha256:…") to an image ID. State only; the
 * operations that add and remove references are in ops/.
 */
import { parseReference, type Reference, refName, refString } from '../../lib/reference';

export class ReferenceStore {
  /** repository → (reference string → image id); read it, change it only through set/delete */
  readonly repositories = new Map<string, Map<string, string>>();
  /** image id → its reference strings (the reverse index of `repositories`) */
  private readonly byImage = new Map<string, Set<string>>();
  /** parsed form of every stored reference string */
  private readonly parsed = new Map<string, Reference>();

  /** the image a tag or digest reference points to */
  get(ref: Reference): string | undefined {
    return this.repositories.get(refName(ref))?.get(refString(ref));
  }

  /** a fresh parsed copy of a stored reference string */
  private parse(s: string): Reference {
    let r = this.parsed.get(s);
    if (!r) {
      r = parseReference(s);
      this.parsed.set(s, r);
    }
    return { ...r };
  }

  /** every reference to `imageId`, sorted by their full string (moby lexicalRefs) */
  referencesOf(imageId: string): Reference[] {
    const refs = this.byImage.get(imageId);
    if (!refs) return [];
    return [...refs].sort().map((s) => this.parse(s));
  }

  all(): { ref: Reference; imageId: string }[] {
    const out: { ref: Reference; imageId: string }[] = [];
    for (const refs of this.repositories.values()) {
      for (const [r, id] of refs) out.push({ ref: this.parse(r), imageId: id });
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
    const s = refString(ref);
    const old = repo.get(s);
    if (old !== undefined) this.unindex(s, old);
    repo.set(s, imageId);
    let refs = this.byImage.get(imageId);
    if (!refs) {
      refs = new Set();
      this.byImage.set(imageId, refs);
    }
    refs.add(s);
  }

  delete(ref: Reference): boolean {
    const name = refName(ref);
    const repo = this.repositories.get(name);
    if (!repo) return false;
    const s = refString(ref);
    const old = repo.get(s);
    const ok = repo.delete(s);
    if (old !== undefined) this.unindex(s, old);
    if (repo.size === 0) this.repositories.delete(name);
    return ok;
  }

  private unindex(s: string, imageId: string): void {
    const refs = this.byImage.get(imageId);
    refs?.delete(s);
    if (refs?.size === 0) this.byImage.delete(imageId);
    this.parsed.delete(s);
  }
}
