/**
 * Tabs for the open files: click to switch, × or middle click to close, a dot
 * while unsaved. A tab shows the file's name with the folders it takes to tell
 * it from other open files of the same name (document-keys.ts tabLabels).
 */
import type { EditorDictionary } from './i18n';
import { basename } from './paths';

export interface EditorTabsProps {
  t: EditorDictionary;
  files: readonly string[];
  /** what each tab shows ("mynginx/Dockerfile", "web:nginx.conf"); default: the file's name */
  labels?: ReadonlyMap<string, string>;
  /** the tooltip: the full path */
  title?: (file: string) => string;
  active?: string;
  dirty: ReadonlySet<string>;
  onSelect(path: string): void;
  onClose(path: string): void;
}

export function EditorTabs({ t, files, labels, title, active, dirty, onSelect, onClose }: EditorTabsProps) {
  return (
    <div className="ed-tabs" role="tablist">
      {files.map((p) => {
        const label = labels?.get(p) ?? basename(p);
        return (
        <div
          key={p}
          className={`ed-tab${p === active ? ' ed-tab-active' : ''}`}
          title={title?.(p) ?? p}
          onAuxClick={(e) => {
            if (e.button === 1) onClose(p);
          }}
        >
          <button type="button" role="tab" aria-selected={p === active} className="ed-tab-name" onClick={() => onSelect(p)}>
            {label}
            {dirty.has(p) && (
              <span className="ed-tab-dirty" title={t.unsaved}>
                ●
              </span>
            )}
          </button>
          <button type="button" className="ed-tab-close" aria-label={`${t.closeTab} ${label}`} title={t.closeTab} onClick={() => onClose(p)}>
            ×
          </button>
        </div>
        );
      })}
    </div>
  );
}
