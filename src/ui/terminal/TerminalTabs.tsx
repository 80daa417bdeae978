/**
 * The terminal tab bar: one tab per terminal ("Terminal 1", "终端 1"), a close
 * button on each (when there is more than one), "+" for a new one, and the
 * find button. Arrow keys move between tabs, Delete closes the focused one.
 */
import type { KeyboardEvent } from 'react';
import type { TerminalTab } from '../../store/contract';
import { fmt } from '../i18n';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { terminalLabel } from './terminal-tabs';

export interface TerminalTabsProps {
  tabs: readonly TerminalTab[];
  active: string;
  /** arrow keys: show the tab, the focus stays in the tab bar */
  onSelect(id: string): void;
  /** a click: show the tab and type in it */
  onOpen(id: string): void;
  onClose(id: string): void;
  onAdd(): void;
  onFind(): void;
}

export function TerminalTabs({ tabs, active, onSelect, onOpen, onClose, onAdd, onFind }: TerminalTabsProps) {
  const t = useT();
  const running = useSandbox((s) => s.runningCommands);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i + tabs.length - 1) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(tabs[i]!.id);
      return;
    }
    else if (e.key === 'Delete' && tabs.length > 1) {
      e.preventDefault();
      onClose(tabs[i]!.id);
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onSelect(id);
    document.getElementById(`terminal-tab-${id}`)?.focus();
  };
  return (
    <div className="terminal-tabbar">
      <div className="terminal-tabs" role="tablist" aria-label={t.terminalTabs}>
        {tabs.map((tab, i) => {
          const name = terminalLabel(t, tab);
          const selected = tab.id === active;
          return (
            <div key={tab.id} className={`terminal-tab${selected ? ' selected' : ''}`} role="presentation">
              <button
                type="button"
                role="tab"
                id={`terminal-tab-${tab.id}`}
                aria-selected={selected}
                aria-controls={`terminal-panel-${tab.id}`}
                tabIndex={selected ? 0 : -1}
                className="terminal-tab-label"
                onClick={() => onOpen(tab.id)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <span className={`terminal-tab-icon${running[tab.id] !== undefined ? ' busy' : ''}`} aria-hidden="true">
                  ❯
                </span>
                {name}
                {running[tab.id] !== undefined && <span className="sr-only"> ({t.terminalBusy})</span>}
              </button>
              {tabs.length > 1 && (
                <button
                  type="button"
                  className="terminal-tab-close"
                  tabIndex={-1}
                  aria-label={fmt(t.closeTerminal, { name })}
                  title={fmt(t.closeTerminal, { name })}
                  onClick={() => onClose(tab.id)}
                >
                  ×
                </button>
              )}
            </div>
          );
        })}
      </div>
      <button type="button" className="icon-button terminal-add" aria-label={t.newTerminal} title={`${t.newTerminal} (Alt+Shift+T)`} onClick={onAdd}>
        +
      </button>
      <span className="tabbar-spacer" />
      <button type="button" className="icon-button" aria-label={t.find} title={`${t.find} (Ctrl+Shift+F)`} onClick={onFind}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
