/** Tabs for the open files: click to switch, × or middle click to close, a dot while unsaved. */
import type { EditorDictionary } from './i18n';
import { basename } from './paths';

export interface EditorTabsProps {
  t: EditorDictionary;
  files: readonly string[];
  active?: string;
  dirty: ReadonlySet<string>;
  onSelect(path: string): void;
  onClose(path: string): void;
}

export function EditorTabs({ t, files, active, dirty, onSelect, onClose }: EditorTabsProps) {
  return (
    <div className="ed-tabs" role="tablist">
      {files.map((p) => (
        <div
          key={p}
          className={`ed-tab${p === active ? ' ed-tab-active' : ''}`}
          title={p}
          onAuxClick={(e) => {
            if (e.button === 1) onClose(p);
          }}
        >
          <button type="button" role="tab" aria-selected={p === active} className="ed-tab-name" onClick={() => onSelect(p)}>
            {basename(p)}
            {dirty.has(p) && (
              <span className="ed-tab-dirty" title={t.unsaved}>
                ●
              </span>
            )}
          </button>
          <button type="button" className="ed-tab-close" aria-label={`${t.closeTab} ${basename(p)}`} title={t.closeTab} onClick={() => onClose(p)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
