/**
 * The host filesystem as a tree: open a file with a click, new file/folder
 * (in the folder last clicked), rename and delete with the row's buttons.
 * Names are typed inline; errors are shown under the toolbar.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import type { FileSystem } from '../../api/fs';
import { createFile, createFolder, deleteEntry, listDir, renameEntry, type TreeEntry } from './file-tree';
import type { EditorDictionary } from './i18n';
import { basename, dirname, isWithin } from './paths';

/** the folders from `root` (excluded) down to `path` (included): /home, /home/learner */
function ancestors(path: string, root: string): string[] {
  if (!isWithin(path, root)) return [];
  const out: string[] = [];
  for (let p = path; p !== root && p !== '/'; p = dirname(p)) out.unshift(p);
  return out;
}

export interface FileTreeProps {
  t: EditorDictionary;
  fs: FileSystem;
  /** the folder shown: the learner's home, or / (the whole machine: /etc/docker/daemon.json) */
  root: string;
  home: string;
  onRoot(root: string): void;
  /** changes whenever the filesystem may have changed */
  tick: number;
  activeFile?: string;
  onOpen(path: string): void;
  /** after a rename (to = new path) or delete (to undefined) */
  onMoved(from: string, to: string | undefined): void;
  /** after the tree itself changed the filesystem */
  onChanged(): void;
}

type Editing = { mode: 'new-file' | 'new-folder'; dir: string } | { mode: 'rename'; path: string };

export function FileTree({ t, fs, root, home, onRoot, tick, activeFile, onOpen, onMoved, onChanged }: FileTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([root]));
  const [currentDir, setCurrentDir] = useState(root);
  const [shownRoot, setShownRoot] = useState(root);
  if (shownRoot !== root) {
    // another root: it is open, and so is the way down to home (/ → home → learner)
    setShownRoot(root);
    setExpanded((s) => new Set([...s, root, ...ancestors(home, root)]));
    if (!isWithin(currentDir, root)) setCurrentDir(root);
  }
  const [editing, setEditing] = useState<Editing>();
  const [error, setError] = useState<string>();

  // the file shown in the editor is shown in the tree: its folders open (the whole machine when it is outside home)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a newly shown file moves the tree
  useEffect(() => {
    if (!activeFile?.startsWith('/')) return;
    const top = isWithin(activeFile, root) ? root : '/';
    if (top !== root) onRoot(top);
    setExpanded((s) => new Set([...s, top, ...ancestors(dirname(activeFile), top)]));
  }, [activeFile]);

  const toggle = (dir: string) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(dir)) n.delete(dir);
      else n.add(dir);
      return n;
    });

  const dirForNew = fs.exists(currentDir) ? currentDir : root;

  const startNew = (mode: 'new-file' | 'new-folder') => {
    setExpanded((s) => new Set([...s, dirForNew]));
    setEditing({ mode, dir: dirForNew });
  };

  const commit = (name: string) => {
    if (!editing) return;
    const r =
      editing.mode === 'rename'
        ? renameEntry(fs, editing.path, name.trim())
        : editing.mode === 'new-file'
          ? createFile(fs, editing.dir, name.trim())
          : createFolder(fs, editing.dir, name.trim());
    if (!r.ok) {
      setError(t.errors[r.error]);
      return;
    }
    setError(undefined);
    setEditing(undefined);
    onChanged();
    if (editing.mode === 'rename') onMoved(editing.path, r.path);
    else if (editing.mode === 'new-file') onOpen(r.path);
    else {
      setExpanded((s) => new Set([...s, r.path]));
      setCurrentDir(r.path);
    }
  };

  const remove = (e: TreeEntry) => {
    if (typeof window !== 'undefined' && !window.confirm(t.confirmDelete(e.path))) return;
    const r = deleteEntry(fs, e.path);
    if (!r.ok) setError(t.errors[r.error]);
    else {
      setError(undefined);
      onMoved(e.path, undefined);
      onChanged();
    }
  };

  const nameInput = (initial: string, depth: number) => (
    <li className="ed-tree-row" style={{ paddingLeft: 8 + depth * 12 }}>
      <input
        className="ed-tree-input"
        // biome-ignore lint/a11y/noAutofocus: the learner just asked to type a name
        autoFocus
        defaultValue={initial}
        placeholder={t.namePlaceholder}
        aria-label={t.namePlaceholder}
        onKeyDown={(ev: KeyboardEvent<HTMLInputElement>) => {
          // preventDefault: the Enter must not also reach the editor that takes the focus next
          if (ev.key === 'Enter' || ev.key === 'Escape') ev.preventDefault();
          if (ev.key === 'Enter') commit(ev.currentTarget.value);
          if (ev.key === 'Escape') {
            setEditing(undefined);
            setError(undefined);
          }
        }}
        onBlur={() => {
          setEditing(undefined);
        }}
      />
    </li>
  );

  const renderDir = (dir: string, depth: number): ReactNode[] => {
    const rows: ReactNode[] = [];
    if (editing && editing.mode !== 'rename' && editing.dir === dir) rows.push(<NewRow key="__new">{nameInput('', depth)}</NewRow>);
    for (const e of listDir(fs, dir)) {
      if (editing?.mode === 'rename' && editing.path === e.path) {
        rows.push(<NewRow key={e.path}>{nameInput(e.name, depth)}</NewRow>);
        continue;
      }
      const open = e.type === 'dir' && expanded.has(e.path);
      rows.push(
        <li key={e.path} className={`ed-tree-row${e.path === activeFile ? ' ed-tree-active' : ''}`} style={{ paddingLeft: 8 + depth * 12 }}>
          <button
            type="button"
            className={`ed-tree-name ed-tree-${e.type}`}
            title={e.path}
            onClick={() => {
              if (e.type === 'dir') {
                toggle(e.path);
                setCurrentDir(e.path);
              } else {
                setCurrentDir(dirname(e.path));
                onOpen(e.path);
              }
            }}
          >
            <span className="ed-tree-icon" aria-hidden="true">
              {e.type === 'dir' ? (open ? '▾' : '▸') : '·'}
            </span>
            {e.name}
          </button>
          <span className="ed-tree-actions">
            <button type="button" title={t.rename} aria-label={`${t.rename} ${e.name}`} onClick={() => setEditing({ mode: 'rename', path: e.path })}>
              ✎
            </button>
            <button type="button" title={t.delete} aria-label={`${t.delete} ${e.name}`} onClick={() => remove(e)}>
              ✕
            </button>
          </span>
        </li>,
      );
      if (open) rows.push(...renderDir(e.path, depth + 1));
    }
    return rows;
  };

  return (
    <nav className="ed-tree" aria-label={t.files} data-tick={tick}>
      <div className="ed-tree-toolbar">
        <span className="ed-tree-title" title={root}>
          {t.files} · {basename(root) || '/'}
        </span>
        <span className="ed-tree-roots">
          {[
            [home, t.treeHome, t.treeHomeTitle],
            ['/', t.treeRoot, t.treeRootTitle],
          ].map(([r, text, title]) => (
            <button key={r} type="button" aria-pressed={root === r} aria-label={title} title={title} className={root === r ? 'ed-tree-root-on' : undefined} onClick={() => onRoot(r as string)}>
              {text}
            </button>
          ))}
        </span>
        <button type="button" title={`${t.newFile} (${dirForNew})`} aria-label={t.newFile} onClick={() => startNew('new-file')}>
          {t.newFileShort}
        </button>
        <button type="button" title={`${t.newFolder} (${dirForNew})`} aria-label={t.newFolder} onClick={() => startNew('new-folder')}>
          {t.newFolderShort}
        </button>
      </div>
      {error && (
        <p className="ed-tree-error" role="alert">
          {error}
        </p>
      )}
      <ul className="ed-tree-list">{renderDir(root, 0)}</ul>
    </nav>
  );
}

function NewRow({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
