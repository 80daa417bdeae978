/**
 * The top bar: the engine mode (Simulator or Real engine, offered when a
 * Dockyard server reports one), undo,
 * redo, reset (after a confirmation), export (downloads the sandbox file),
 * import (a file picker), the language switch and the help dialog.
 */
import { useRef, useState } from 'react';
import { fmt } from '../i18n';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { useEngineMode } from './engine-mode';
import { ExportIcon, GlobeIcon, HelpIcon, ImportIcon, Logo, RedoIcon, ResetIcon, UndoIcon } from './icons';

export interface TopBarProps {
  onReset(): void;
  onHelp(): void;
  /** after undo/redo/import: the learner goes on typing in the terminal */
  onDone(): void;
}

/** dockyard-sandbox-2026-11-24-0930.json */
export function exportFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `dockyard-sandbox-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`;
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TopBar({ onReset, onHelp, onDone }: TopBarProps) {
  const t = useT();
  const lang = useSandbox((s) => s.lang);
  const setLang = useSandbox((s) => s.setLang);
  const canUndo = useSandbox((s) => s.canUndo);
  const canRedo = useSandbox((s) => s.canRedo);
  const undo = useSandbox((s) => s.undo);
  const redo = useSandbox((s) => s.redo);
  const exportSandbox = useSandbox((s) => s.exportSandbox);
  const importSandbox = useSandbox((s) => s.importSandbox);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | undefined>();
  const { state: engine, controller } = useEngineMode();
  const realOffered = !!controller && (engine.mode === 'real' || ['available', 'lost', 'failed'].includes(engine.status));
  const vars = { version: engine.version ?? '', detail: engine.detail ?? '' };
  const engineNote =
    engine.status === 'checking'
      ? t.realChecking
      : engine.status === 'connecting'
        ? t.realConnecting
        : engine.status === 'connected'
          ? fmt(t.realConnected, vars)
          : engine.status === 'lost'
            ? fmt(t.realLost, vars)
            : engine.status === 'failed'
              ? fmt(t.realFailed, vars)
              : engine.status === 'available'
                ? `Docker ${engine.version ?? ''}`
                : t.realUnavailable;

  const doExport = async () => {
    setBusy('export');
    try {
      downloadBlob(await exportSandbox(), exportFileName(new Date()));
    } finally {
      setBusy(undefined);
    }
  };
  const doImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy('import');
    try {
      await importSandbox(file);
    } finally {
      setBusy(undefined);
      if (fileInput.current) fileInput.current.value = '';
      onDone();
    }
  };

  return (
    <header className="top-bar">
      <div className="brand">
        <Logo />
        <h1>{t.title}</h1>
      </div>
      <fieldset className="mode-switch">
        <legend className="sr-only">{t.mode}</legend>
        <label className={`mode-option${engine.mode === 'simulator' ? ' selected' : ''}`}>
          <input
            type="radio"
            name="engine-mode"
            value="simulator"
            checked={engine.mode === 'simulator'}
            onChange={() => void controller?.switchToSimulator().then(onDone)}
          />
          {t.modeSimulator}
        </label>
        <label className={`mode-option tooltip-host${engine.mode === 'real' ? ' selected' : ''}${realOffered ? '' : ' disabled'}`}>
          <input
            type="radio"
            name="engine-mode"
            value="real"
            checked={engine.mode === 'real'}
            disabled={!realOffered || engine.status === 'connecting'}
            aria-describedby="mode-real-tip"
            onChange={() => void controller?.switchToReal().then(onDone)}
          />
          {t.modeReal}
          <span id="mode-real-tip" role="tooltip" className="tooltip">
            {engineNote}
          </span>
        </label>
        {(engine.status === 'lost' || engine.status === 'failed' || engine.status === 'connected') && (
          <span className="mode-note" role="status">
            {engineNote}
          </span>
        )}
      </fieldset>
      <nav className="actions" aria-label={t.mainMenu}>
        <button type="button" className="tool" disabled={!canUndo} onClick={() => void undo().then(onDone)} title={`${t.undo} (Alt+Shift+Z)`} aria-label={t.undo}>
          <UndoIcon />
          <span className="tool-label">{t.undo}</span>
        </button>
        <button type="button" className="tool" disabled={!canRedo} onClick={() => void redo().then(onDone)} title={`${t.redo} (Alt+Shift+Y)`} aria-label={t.redo}>
          <RedoIcon />
          <span className="tool-label">{t.redo}</span>
        </button>
        <button type="button" className="tool" onClick={onReset} title={t.reset} aria-label={t.reset} aria-haspopup="dialog">
          <ResetIcon />
          <span className="tool-label">{t.reset}</span>
        </button>
        <span className="tool-separator" aria-hidden="true" />
        <button type="button" className="tool" onClick={() => void doExport()} disabled={busy !== undefined} title={t.exportTitle} aria-label={t.exportSandbox}>
          <ExportIcon />
          <span className="tool-label">{t.exportSandbox}</span>
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => fileInput.current?.click()}
          disabled={busy !== undefined}
          title={t.importTitle}
          aria-label={busy === 'import' ? t.importing : t.importSandbox}
        >
          <ImportIcon />
          <span className="tool-label">{busy === 'import' ? t.importing : t.importSandbox}</span>
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void doImport(e.target.files?.[0])}
        />
        <span className="tool-separator" aria-hidden="true" />
        <button
          type="button"
          className="tool"
          onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          title={t.language}
          aria-label={`${t.language}: ${t.switchTo}`}
          lang={lang === 'en' ? 'zh-CN' : 'en'}
        >
          <GlobeIcon />
          <span className="tool-label">{t.switchTo}</span>
        </button>
        <button type="button" className="tool" onClick={onHelp} title={`${t.help} (F1)`} aria-label={t.help} aria-haspopup="dialog">
          <HelpIcon />
          <span className="tool-label">{t.help}</span>
        </button>
      </nav>
    </header>
  );
}
