/**
 * A layer being built: its file list (catalog format), edits, bulk padding to
 * a target size, and the finished catalog layer with its digests.
 *
 * diff_id = sha256 of a canonical text (layer name, then one line per file);
 * digest = sha256("gzip " + diff_id). Sizes follow the engine's rule (src/engine/registry/catalog.ts
 * catalogLayerSize): file sizes + symlink target lengths. A text file's size
 * is the UTF-8 length of its text.
 */
import { sha256Digest } from '../../../src/engine/layers/digest';
import type { CatalogFile, CatalogLayer, HubCatalog } from '../../../src/engine/registry/catalog';
import { type BulkPlan, padFiles } from './bulk';
import { Prng, seedOf } from './prng';

const utf8 = new TextEncoder();

/** the layer every empty `WORKDIR` / no-op step produces (an empty tar, gzipped) */
export const EMPTY_LAYER = {
  digest: 'sha256:4f4fb700ef54461cfa02571ae0db9a0dc1e0cdb5577484a6d75e68dc38e8acc1',
  diffId: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
  size: 32,
  tarSize: 1024,
};

export interface FinishedLayer {
  digest: string;
  layer: CatalogLayer;
}

function findLayer(catalog: HubCatalog, prefix: string): CatalogLayer {
  const key = Object.keys(catalog.layers).find((k) => k.startsWith(`sha256:${prefix}`));
  if (!key) throw new Error(`stand-in layer ${prefix} not found`);
  return catalog.layers[key];
}

export class LayerDraft {
  readonly files = new Map<string, CatalogFile>();
  /** compressed/uncompressed ratio of binary bytes */
  ratio = 0.39;
  private finished?: FinishedLayer;

  /** `name` seeds the padding and identifies the layer in errors */
  constructor(readonly name: string) {}

  /** copy the files of a stand-in layer (digest prefix), leaving out `drop` paths */
  fromStandin(catalog: HubCatalog, prefix: string, drop: string[] = []): this {
    for (const f of findLayer(catalog, prefix).files) {
      if (drop.includes(f.path)) continue;
      this.files.set(f.path, { ...f });
    }
    return this;
  }

  dir(path: string, mode = '0o40755', uid = 0, gid = 0): this {
    this.files.set(path, { path, type: 'dir', mode, uid, gid, size: 0 });
    return this;
  }

  text(path: string, text: string, mode = '0o100644', uid = 0, gid = 0): this {
    this.files.set(path, { path, type: 'file', mode, uid, gid, size: utf8.encode(text).length, text });
    return this;
  }

  binary(path: string, size: number, mode = '0o100755', uid = 0, gid = 0): this {
    this.files.set(path, { path, type: 'file', mode, uid, gid, size, binary: true });
    return this;
  }

  symlink(path: string, target: string): this {
    this.files.set(path, { path, type: 'symlink', mode: '0o120777', uid: 0, gid: 0, size: 0, target });
    return this;
  }

  /** the files so far (a copy of the list) */
  entries(): { path: string; type: string; target?: string }[] {
    return [...this.files.values()].map((f) => ({ path: f.path, type: f.type, target: f.target }));
  }

  remove(path: string): this {
    this.files.delete(path);
    return this;
  }

  /** change the size of an existing binary file (stand-in binaries carry no content) */
  resize(path: string, size: number): this {
    const f = this.files.get(path);
    if (!f?.binary) throw new Error(`${this.name}: ${path} is not a binary file`);
    f.size = size;
    return this;
  }

  /** DiffSize as the engine computes it */
  size(): number {
    let n = 0;
    for (const f of this.files.values()) {
      if (f.type === 'file') n += f.size;
      else if (f.type === 'symlink') n += (f.target ?? '').length;
    }
    return n;
  }

  /** add bulk files until the layer's size is exactly `target` */
  padTo(target: number, plan: BulkPlan, reservedNames: Set<string>): this {
    const missing = target - this.size();
    if (missing < 0) throw new Error(`${this.name}: content (${this.size()}) exceeds the target ${target}`);
    const rng = new Prng(seedOf(this.name));
    for (const f of padFiles(missing, plan, rng, this.files, reservedNames)) this.files.set(f.path, f);
    if (this.size() !== target) throw new Error(`${this.name}: padded to ${this.size()}, wanted ${target}`);
    return this;
  }

  /** every file's parent directories present in the layer (as tar would list them) */
  private ensureParents(): void {
    for (const path of [...this.files.keys()]) {
      let p = path;
      for (;;) {
        p = p.slice(0, p.lastIndexOf('/'));
        if (p === '' || this.files.has(p)) break;
        this.dir(p);
      }
    }
  }

  finish(): FinishedLayer {
    if (this.finished) return this.finished;
    if (this.files.size === 0) {
      this.finished = {
        digest: EMPTY_LAYER.digest,
        layer: { size: EMPTY_LAYER.size, diff_id: EMPTY_LAYER.diffId, uncompressed_size: EMPTY_LAYER.tarSize, files: [] },
      };
      return this.finished;
    }
    this.ensureParents();
    const files = [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    let tar = 1024;
    let text = 0;
    let binary = 0;
    // the layer's name first: layers of different builds stay distinct even with equal files
    const canonical: string[] = [`layer ${this.name}`];
    for (const f of files) {
      tar += 512;
      if (f.type === 'file') {
        tar += Math.ceil(f.size / 512) * 512;
        if (f.text !== undefined) text += f.size;
        else binary += f.size;
      }
      const body = f.text !== undefined ? ` text ${sha256Digest(f.text)}` : f.binary ? ' binary' : '';
      const link = f.target !== undefined ? ` -> ${f.target}` : '';
      canonical.push(`${f.type} ${f.mode} ${f.uid}:${f.gid} ${f.size} ${f.path}${link}${body}`);
    }
    const diffId = sha256Digest(`${canonical.join('\n')}\n`);
    const size = Math.round(90 + 40 * files.length + 0.31 * text + this.ratio * binary);
    this.finished = {
      digest: sha256Digest(`gzip ${diffId}`),
      layer: { size, diff_id: diffId, uncompressed_size: tar, files },
    };
    return this.finished;
  }
}
