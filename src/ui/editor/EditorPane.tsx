/**
 * The editor pane (lazy-loaded: the default export is what React.lazy
 * takes): the host filesystem's tree, tabs for the store's open files, a
 * Monaco editor writing straight to the virtual filesystem (Ctrl+S, and
 * autosave shortly after typing), Dockerfile markers from the daemon's parser,
 * and a Build button that types the matching `docker build` into the active
 * terminal. Changes made from the terminal reload files that have no unsaved
 * edits.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSandbox } from '../use-sandbox';
import { buildCommand, cwdFromPrompt, isDockerfile } from './build-command';
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
  const revision = useSandbox((s) => s.revision);
  const openFiles = useSandbox((s) => s.openFiles);
  const activeFile = useSandbox((s) => s.activeFile);
  const activeTerminal = useSandbox((s) => s.activeTerminal);
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
  const bump = useCallback(() => setTick((n) => n + 1), []);
  /** the file and session last put in the editor (only a file the learner opens takes the focus) */
  const shown = useRef<{ path?: string; session?: unknown }>({});

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
    });
    editorRef.current = editor;
    return () => {
      editor.dispose();
      editorRef.current = undefined;
    };
  }, []);

  // the models follow the session (a new sandbox after reset/undo/import has a new filesystem)
  useEffect(() => {
    const models = new OpenModels(monaco, session.hostFs, {
      autosaveMs: AUTOSAVE_MS,
      onDirty: (paths) => setDirty(new Set(paths)),
      onProblems: (path, list) => {
        if (path === modelsRef.current?.activePath) setProblems(list);
      },
      onSaved: bump,
    });
    modelsRef.current = models;
    const off = session.onChange((c) => {
      if (c.kind !== 'file') return;
      bump();
      const gone = models.syncFromDisk();
      for (const p of gone) closeFile(p);
    });
    return () => {
      off();
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
  }, [revision]);

  // the active tab's model in the editor; closed tabs' models disposed. Again after a new
  // session (undo, redo, reset, import): its OpenModels has just replaced the old one's models
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
    const r = models.show(editor, activeFile, { focus });
    setFileError(r.ok ? undefined : r.error === 'binary' ? t.binaryFile : `${t.readFailed} ${r.message}`);
    setProblems(r.ok ? models.problems(activeFile) : []);
  }, [activeFile, openFiles, t, session]);

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
    typeInTerminal(buildCommand(activeFile, cwd));
  };

  const showBuild = activeFile !== undefined && isDockerfile(activeFile) && !fileError;
  const errors = problems.filter((p) => p.severity === 'error').length;

  return (
    <div className="ed-root">
      <FileTree
        t={t}
        fs={session.hostFs}
        root={home}
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
          <EditorTabs t={t} files={openFiles} active={activeFile} dirty={dirty} onSelect={setActiveFile} onClose={closeFile} />
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
        {activeFile && !fileError && (
          <div className={`ed-status${errors > 0 ? ' ed-status-bad' : ''}`}>
            <span>{problems.length === 0 ? t.noProblems : t.problems(problems.length)}</span>
            {problems[0] && <span className="ed-status-first">{`${problems[0].startLine}: ${problems[0].message.split('\n')[0]}`}</span>}
            <span className="ed-status-save">{dirty.has(activeFile) ? t.unsaved : t.saved}</span>
          </div>
        )}
      </div>
    </div>
  );
}
