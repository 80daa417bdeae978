/** Find in the active terminal's scrollback (xterm search addon): Enter = next, Shift+Enter = previous, Escape closes. */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../use-t';
import type { TerminalHandle } from './terminal-registry';

export function FindBar({ terminal, onClose }: { terminal: TerminalHandle | undefined; onClose(): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const find = (back = false) => {
    if (!terminal?.find || !text) return;
    setMissing(!terminal.find(text, back));
  };
  const close = () => {
    terminal?.clearFind?.();
    onClose();
    terminal?.focus();
  };
  return (
    <search className="find-bar">
      <input
        ref={input}
        type="search"
        value={text}
        placeholder={t.findPlaceholder}
        aria-label={t.findPlaceholder}
        aria-invalid={missing}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find(e.shiftKey);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      {missing && (
        <span className="find-none" role="status">
          {t.findNone}
        </span>
      )}
      <button type="button" className="icon-button" aria-label={t.findPrevious} title={t.findPrevious} onClick={() => find(true)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={t.findNext} title={t.findNext} onClick={() => find(false)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label={t.findClose} title={t.findClose} onClick={close}>
        ×
      </button>
    </search>
  );
}
