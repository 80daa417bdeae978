/**
 * The open files as Monaco models: read from their DocumentStore (the host's
 * filesystem, or a container's file through the archive API), written back on
 * save (at once on Ctrl+S, after a short pause while typing), kept in step with
 * changes made from the terminal when they have no unsaved edits, and checked
 * with the daemon's Dockerfile parser.
 */
import { keyPath, parseKey } from './document-keys';
import type { DocumentStore } from './documents';
import { basename } from './paths';
import { type Diagnostic, diagnoseDockerfile } from './dockerfile-diagnostics';
import { languageOf } from './languages';
import type { monaco as Monaco } from './monaco-setup';

export type { Diagnostic } from './dockerfile-diagnostics';

type MonacoApi = typeof Monaco;
type Model = Monaco.editor.ITextModel;
type Editor = Monaco.editor.IStandaloneCodeEditor;

interface Entry {
  model: Model;
  /** alternative version ID of the text on disk */
  saved: number;
  autosave?: ReturnType<typeof setTimeout>;
  check?: ReturnType<typeof setTimeout>;
  viewState: Monaco.editor.ICodeEditorViewState | null;
  problems: Diagnostic[];
  /** edits made by syncFromDisk are not the learner's: no autosave */
  syncing: boolean;
  listener: Monaco.IDisposable;
}

export type ShowResult = { ok: true } | { ok: false; error: 'binary' | 'read'; message: string };

export interface OpenModelsOptions {
  autosaveMs: number;
  onDirty(paths: string[]): void;
  onProblems(path: string, problems: Diagnostic[]): void;
  onSaved(path: string): void;
  /** a write failed (a container's file: the daemon's error) */
  onSaveError?(path: string, message: string): void;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export class OpenModels {
  private entries = new Map<string, Entry>();
  activePath: string | undefined;

  constructor(
    private readonly monaco: MonacoApi,
    private readonly docs: DocumentStore,
    private readonly opts: OpenModelsOptions,
  ) {}

  private read(path: string): { text: string } | { error: 'binary' | 'read'; message: string } {
    try {
      return { text: strictUtf8.decode(this.docs.read(path)) };
    } catch (e) {
      if (e instanceof TypeError) return { error: 'binary', message: '' };
      return { error: 'read', message: e instanceof Error ? e.message : String(e) };
    }
  }

  private dirtyPaths(): string[] {
    return [...this.entries].filter(([, e]) => e.model.getAlternativeVersionId() !== e.saved).map(([p]) => p);
  }

  private check(path: string, e: Entry): void {
    if (e.model.getLanguageId() !== 'dockerfile') return;
    const name = basename(keyPath(path));
    e.problems = diagnoseDockerfile(e.model.getValue(), name === 'Dockerfile' ? 'Dockerfile' : name);
    const { MarkerSeverity } = this.monaco;
    this.monaco.editor.setModelMarkers(
      e.model,
      'docker-build',
      e.problems.map((d) => ({
        severity: d.severity === 'error' ? MarkerSeverity.Error : MarkerSeverity.Warning,
        startLineNumber: d.startLine,
        startColumn: 1,
        endLineNumber: Math.min(d.endLine, e.model.getLineCount()),
        endColumn: e.model.getLineMaxColumn(Math.min(d.endLine, e.model.getLineCount())),
        message: d.message,
        source: 'docker build',
      })),
    );
    this.opts.onProblems(path, e.problems);
  }

  private open(path: string): { entry: Entry } | { error: 'binary' | 'read'; message: string } {
    const existing = this.entries.get(path);
    if (existing) return { entry: existing };
    const r = this.read(path);
    if (!('text' in r)) return r;
    const ref = parseKey(path);
    const uri = ref.kind === 'host' ? this.monaco.Uri.file(ref.path) : this.monaco.Uri.from({ scheme: 'container', authority: ref.container, path: ref.path });
    this.monaco.editor.getModel(uri)?.dispose();
    const model = this.monaco.editor.createModel(r.text, languageOf(ref.path), uri);
    const entry: Entry = { model, saved: model.getAlternativeVersionId(), viewState: null, problems: [], syncing: false, listener: { dispose() {} } };
    entry.listener = model.onDidChangeContent(() => {
      this.opts.onDirty(this.dirtyPaths());
      clearTimeout(entry.check);
      entry.check = setTimeout(() => this.check(path, entry), 150);
      if (entry.syncing) return;
      clearTimeout(entry.autosave);
      entry.autosave = setTimeout(() => this.save(path), this.opts.autosaveMs);
    });
    this.entries.set(path, entry);
    this.check(path, entry);
    return { entry };
  }

  /**
   * put `path`'s model in the editor (undefined: none), keeping each file's cursor and scroll;
   * the editor takes the keyboard focus unless `focus` is false
   */
  show(editor: Editor, path: string | undefined, { focus = true }: { focus?: boolean } = {}): ShowResult {
    const current = this.activePath ? this.entries.get(this.activePath) : undefined;
    if (current && editor.getModel() === current.model) current.viewState = editor.saveViewState();
    this.activePath = path;
    if (!path) {
      editor.setModel(null);
      return { ok: true };
    }
    const r = this.open(path);
    if (!('entry' in r)) {
      editor.setModel(null);
      return { ok: false, error: r.error, message: r.message };
    }
    editor.updateOptions({ readOnly: this.docs.readOnly(path) });
    if (editor.getModel() !== r.entry.model) {
      editor.setModel(r.entry.model);
      if (r.entry.viewState) editor.restoreViewState(r.entry.viewState);
    }
    if (focus) editor.focus();
    return { ok: true };
  }

  problems(path: string): Diagnostic[] {
    return this.entries.get(path)?.problems ?? [];
  }

  /** write the file now; false when the filesystem refused (its folder was removed…) */
  save(path: string): boolean {
    const e = this.entries.get(path);
    if (!e) return false;
    clearTimeout(e.autosave);
    if (e.model.getAlternativeVersionId() === e.saved) return true;
    if (this.docs.readOnly(path)) return false;
    let pending: void | Promise<void>;
    try {
      pending = this.docs.write(path, e.model.getValue());
    } catch {
      return false;
    }
    const version = e.model.getAlternativeVersionId();
    e.saved = version;
    // a container's file is written through the daemon: a refusal makes the tab unsaved again
    pending?.catch((err: unknown) => {
      if (e.saved === version) e.saved = -1;
      this.opts.onDirty(this.dirtyPaths());
      this.opts.onSaveError?.(path, err instanceof Error ? err.message : String(err));
    });
    this.opts.onDirty(this.dirtyPaths());
    this.opts.onSaved(path);
    return true;
  }

  saveActive(): boolean {
    return this.activePath ? this.save(this.activePath) : false;
  }

  /**
   * Files without unsaved edits take what is on disk now (an edit from the
   * terminal), keeping undo. Returns the open files that no longer exist and
   * had no unsaved edits (the caller closes their tabs).
   */
  syncFromDisk(): string[] {
    const gone: string[] = [];
    for (const [path, e] of this.entries) {
      if (e.model.getAlternativeVersionId() !== e.saved) continue;
      if (!this.docs.exists(path)) {
        gone.push(path);
        continue;
      }
      const r = this.read(path);
      if (!('text' in r) || r.text === e.model.getValue()) continue;
      e.syncing = true;
      try {
        e.model.pushEditOperations([], [{ range: e.model.getFullModelRange(), text: r.text }], () => null);
      } finally {
        e.syncing = false;
      }
      e.saved = e.model.getAlternativeVersionId();
      this.opts.onDirty(this.dirtyPaths());
    }
    for (const p of gone) this.forget(p);
    return gone;
  }

  /** drop a model without saving (its file moved or was deleted) */
  forget(path: string): void {
    const e = this.entries.get(path);
    if (!e) return;
    clearTimeout(e.autosave);
    clearTimeout(e.check);
    e.listener.dispose();
    e.model.dispose();
    this.entries.delete(path);
    if (this.activePath === path) this.activePath = undefined;
    this.opts.onDirty(this.dirtyPaths());
  }

  /** save and drop the models of files no longer open */
  retain(open: readonly string[]): void {
    for (const path of [...this.entries.keys()]) {
      if (open.includes(path)) continue;
      this.save(path);
      this.forget(path);
    }
  }

  dispose(): void {
    for (const path of [...this.entries.keys()]) {
      this.save(path);
      this.forget(path);
    }
  }
}
