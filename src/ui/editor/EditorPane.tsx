/**
 * The editor pane (lazy-loaded: the default export is what React.lazy
 * takes): the host filesystem's tree, tabs for the store's open files (host
 * files, and containers' files opened by vi/vim/nano), a Monaco editor writing
 * back through SessionDocuments (Ctrl+S, and autosave shortly after typing),
 * Dockerfile markers from the daemon's parser, and a Build button that types
 * the matching `docker build` into the active terminal and says so. Changes
 * made from the terminal reload files that have no unsaved edits.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dictionary, fmt } from '../i18n';
import { usePacedRevision } from '../use-paced-revision';
import { useSandbox } from '../use-sandbox';
import { buildCommand, cwdFromPrompt, isDockerfile } from './build-command';
import { fullLabel, isContainerKey, parseKey, tabLabels } from './document-keys';
import { documentsFor } from './documents';
import { onEditorEvent, registerEditorPane } from './editor-registry';
import { EditorTabs } from './EditorTabs';
import { FileTree } from './FileTree';
import { movedPath } from './file-tree';
import { editorDictionaries } from './i18n';
import { type Diagnostic, OpenModels } from './open-models';
import { monaco } from './monaco-setup';
import './editor.css';

export interface EditorPaneProps {
  /** the folder the tree shows (the learner's home) */
  home?: string;
}

const AUTOSAVE_MS = 700;

export default function EditorPane({ home = '/home/learner' }: EditorPaneProps) {
  const lang = useSandbox((s) => s.lang);
  const session = useSandbox((s) => s.session);
  const revision = usePacedRevision();
  const openFiles = useSandbox((s) => s.openFiles);
  const activeFile = useSandbox((s) => s.activeFile);
  const activeTerminal = useSandbox((s) => s.activeTerminal);
  const terminals = useSandbox((s) => s.terminals);
  const openFile = useSandbox((s) => s.openFile);
  const closeFile = useSandbox((s) => s.closeFile);
  const setActiveFile = useSandbox((s) => s.setActiveFile);
  const typeInTerminal = useSandbox((s) => s.typeInTerminal);
  const t = editorDictionaries[lang];

  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const modelsRef = useRef<OpenModels | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Diagnostic[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [saveErrors, setSaveErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [buildNote, setBuildNote] = useState<string>();
  const [treeRoot, setTreeRoot] = useState(home);
  const docs = documentsFor(session);
  const bump = useCallback(() => setTick((n) => n + 1), []);
  /** the file and session last put in the editor (only a file the learner opens takes the focus) */
  const shown = useRef<{ path?: string; session?: unknown }>({});
  const openFilesRef = useRef(openFiles);
  openFilesRef.current = openFiles;

  // one Monaco editor for the pane's lifetime; one model per open file (OpenModels)
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const editor = monaco.editor.create(el, {
      model: null,
      theme: 'vs-dark',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 4,
      renderWhitespace: 'boundary',
      // a long RUN line wraps: the learner reads the whole Dockerfile without scrolling sideways
      wordWrap: 'on',
      wrappingIndent: 'indent',
      lineNumbersMinChars: 3,
    });
    editorRef.current = editor;
    return () => {
      editor.dispose();
      editorRef.current = undefined;
    };
  }, []);

  // vim FILE: the file takes the keyboard, also when its tab was already the active one
  useEffect(
    () =>
      onEditorEvent((e) => {
        if (e.type === 'opened') requestAnimationFrame(() => editorRef.current?.focus());
      }),
    [],
  );

  // the models follow the session (a new sandbox after reset/undo/import has a new filesystem)
  useEffect(() => {
    const docs = documentsFor(session);
    const models = new OpenModels(monaco, docs, {
      autosaveMs: AUTOSAVE_MS,
      onDirty: (paths) => setDirty(new Set(paths)),
      onProblems: (path, list) => {
        if (path === modelsRef.current?.activePath) setProblems(list);
      },
      onSaved: (path) => {
        setSaveErrors((m) => {
          if (!m.has(path)) return m;
          const n = new Map(m);
          n.delete(path);
          return n;
        });
        bump();
      },
      onSaveError: (path, message) => setSaveErrors((m) => new Map(m).set(path, message)),
    });
    modelsRef.current = models;
    const unregister = registerEditorPane({ save: (key) => models.save(key) });
    const off = session.onChange((c) => {
      if (c.kind !== 'file') return;
      bump();
      const gone = models.syncFromDisk();
      for (const p of gone) closeFile(p);
    });
    return () => {
      off();
      unregister();
      models.dispose();
      modelsRef.current = undefined;
    };
  }, [session, bump, closeFile]);

  // after every command: the tree and unchanged open files catch up with the filesystem
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the trigger
  useEffect(() => {
    bump();
    const gone = modelsRef.current?.syncFromDisk() ?? [];
    for (const p of gone) closeFile(p);
    // containers' files are read again through the archive API (an edit from `docker exec`, a removed container)
    const containerFiles = openFilesRef.current.filter((k) => isContainerKey(k) && docs.exists(k));
    if (containerFiles.length === 0) return;
    let stale = false;
    void Promise.all(containerFiles.map(async (k) => [k, await docs.reloadContainerFile(k)] as const)).then((results) => {
      if (stale) return;
      for (const [k, ok] of results) if (!ok) docs.forget(k);
      const lost = modelsRef.current?.syncFromDisk() ?? [];
      for (const p of lost) closeFile(p);
      bump();
    });
    return () => {
      stale = true;
    };
  }, [revision]);

  // a closed tab: a new file never written is forgotten, a container's file dropped
  const previousOpen = useRef<{ files: readonly string[]; docs: unknown }>({ files: openFiles, docs });
  useEffect(() => {
    const prev = previousOpen.current;
    if (prev.docs === docs) for (const k of prev.files) if (!openFiles.includes(k)) docs.forget(k);
    previousOpen.current = { files: openFiles, docs };
  }, [openFiles, docs]);

  // the active tab's model in the editor; closed tabs' models disposed. Again after a new
  // session (undo, redo, reset, import): its OpenModels has just replaced the old one's models.
  // Again after a tick: a container's file read again after a reload
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is a trigger
  useEffect(() => {
    const models = modelsRef.current;
    const editor = editorRef.current;
    if (!models || !editor) return;
    models.retain(openFiles);
    if (!activeFile) {
      shown.current = { path: undefined, session };
      models.show(editor, undefined);
      setProblems([]);
      setFileError(undefined);
      return;
    }
    // the same file shown again (the pane mounting after a reload, a new session after undo,
    // redo or import, another language) leaves the keyboard where the learner is typing
    const focus = shown.current.session === session && shown.current.path !== activeFile;
    shown.current = { path: activeFile, session };
    const ref = parseKey(activeFile);
    if (ref.kind === 'container' && !docs.exists(activeFile)) {
      // after a reload: read the container's file again, or close the tab when it is gone
      models.show(editor, undefined);
      setFileError(t.fetching);
      setProblems([]);
      let stale = false;
      docs.loadContainerFile(ref.container, ref.path).then(
        () => {
          if (!stale) bump();
        },
        () => {
          if (!stale) closeFile(activeFile);
        },
      );
      return () => {
        stale = true;
      };
    }
    const r = models.show(editor, activeFile, { focus });
    setFileError(r.ok ? undefined : r.error === 'binary' ? t.binaryFile : `${t.readFailed} ${r.message}`);
    setProblems(r.ok ? models.problems(activeFile) : []);
  }, [activeFile, openFiles, t, session, tick, bump, closeFile, docs]);

  // Ctrl+S / Cmd+S saves the active file at once
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const d = editor.addAction({
      id: 'dockyard.save',
      label: t.save,
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => {
        modelsRef.current?.saveActive();
      },
    });
    return () => d.dispose();
  }, [t]);

  const onMoved = (from: string, to: string | undefined) => {
    for (const p of openFiles) {
      const np = movedPath(p, from, to);
      if (np === p) continue;
      modelsRef.current?.forget(p);
      closeFile(p);
      if (np) openFile(np);
    }
    if (activeFile) {
      const np = movedPath(activeFile, from, to);
      if (np && np !== activeFile) setActiveFile(np);
    }
  };

  const build = () => {
    if (!activeFile) return;
    modelsRef.current?.saveActive();
    const cwd = cwdFromPrompt(session.prompt(activeTerminal), home);
    const command = buildCommand(activeFile, cwd);
    typeInTerminal(command);
    const index = terminals.find((x) => x.id === activeTerminal)?.index ?? 1;
    setBuildNote(t.buildTyped(fmt(dictionary(lang).terminalName, { n: index }), command));
  };

  // the note about the typed command stays until the learner moves on
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are the triggers
  useEffect(() => setBuildNote(undefined), [activeFile, revision, session]);

  const containerName = useCallback((id: string) => docs.containerName(id), [docs]);
  const labels = useMemo(() => tabLabels(openFiles, containerName), [openFiles, containerName]);
  const showBuild = activeFile !== undefined && !isContainerKey(activeFile) && isDockerfile(activeFile) && !fileError;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const saveError = activeFile ? saveErrors.get(activeFile) : undefined;
  const readOnly = activeFile !== undefined && docs.readOnly(activeFile);

  return (
    <div className="ed-root">
      <FileTree
        t={t}
        fs={session.hostFs}
        root={treeRoot}
        home={home}
        onRoot={setTreeRoot}
        tick={tick}
        activeFile={activeFile}
        onOpen={(p) => {
          openFile(p);
          setActiveFile(p);
        }}
        onMoved={onMoved}
        onChanged={bump}
      />
      <div className="ed-main">
        <div className="ed-bar">
          <EditorTabs
            t={t}
            files={openFiles}
            labels={labels}
            title={(k) => fullLabel(k, containerName)}
            active={activeFile}
            dirty={dirty}
            onSelect={setActiveFile}
            onClose={closeFile}
          />
          {showBuild && (
            <button
              type="button"
              className="ed-build"
              title={t.buildTitle(buildCommand(activeFile, cwdFromPrompt(session.prompt(activeTerminal), home)))}
              onClick={build}
            >
              ▶ {t.build}
            </button>
          )}
        </div>
        <div className="ed-editor-wrap">
          <div className="ed-editor" ref={host} />
          {!activeFile && <p className="ed-empty">{t.noFileOpen}</p>}
          {activeFile && fileError && <p className="ed-empty">{fileError}</p>}
        </div>
        {buildNote && (
          <p className="ed-note" role="status">
            {buildNote}
          </p>
        )}
        {activeFile && !fileError && (
          <div className={`ed-status${errors > 0 || saveError ? ' ed-status-bad' : ''}`}>
            {saveError ? (
              <span className="ed-status-first">{`${t.saveFailed} ${saveError}`}</span>
            ) : (
              <>
                <span>{problems.length === 0 ? t.noProblems : t.problems(problems.length)}</span>
                {problems[0] && <span className="ed-status-first">{`${problems[0].startLine}: ${problems[0].message.split('\n')[0]}`}</span>}
              </>
            )}
            <span className="ed-status-save">{readOnly ? t.readOnly : dirty.has(activeFile) ? t.unsaved : t.saved}</span>
          </div>
        )}
      </div>
    </div>
  );
}
