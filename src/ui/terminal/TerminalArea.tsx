/**
 * The terminals area: the Ports strip, the tab bar, the terminals (one shown,
 * all kept alive), the find bar, and the page preview for a published port.
 */
import { useCallback, useEffect, useState } from 'react';
import { PagePreview } from '../ports/PagePreview';
import { PortsStrip } from '../ports/PortsStrip';
import { useSandbox, useSandboxStore } from '../use-sandbox';
import { useT } from '../use-t';
import { FindBar } from './FindBar';
import { TerminalView } from './Terminal';
import { terminalHandle, whenTerminal } from './terminal-registry';
import { terminalLabel } from './terminal-tabs';
import { TerminalTabs } from './TerminalTabs';

/** a URL printed in a terminal: http://localhost:PORT/… opens in the preview */
export function localPort(uri: string): { port: number; path: string } | undefined {
  try {
    const u = new URL(uri);
    if (u.protocol !== 'http:' || !['localhost', '127.0.0.1', '0.0.0.0'].includes(u.hostname)) return undefined;
    return { port: u.port ? Number(u.port) : 80, path: u.pathname + u.search };
  } catch {
    return undefined;
  }
}

export function TerminalArea() {
  const t = useT();
  const store = useSandboxStore();
  const terminals = useSandbox((s) => s.terminals);
  const active = useSandbox((s) => s.activeTerminal);
  const addTerminal = useSandbox((s) => s.addTerminal);
  const closeTerminal = useSandbox((s) => s.closeTerminal);
  const selectTerminal = useSandbox((s) => s.selectTerminal);
  const [preview, setPreview] = useState<{ port: number; path: string }>();
  const [finding, setFinding] = useState(false);
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (!notice) return;
    const h = setTimeout(() => setNotice(undefined), 6000);
    return () => clearTimeout(h);
  }, [notice]);

  const onLink = useCallback((uri: string) => {
    const local = localPort(uri);
    if (local) setPreview(local);
    else window.open(uri, '_blank', 'noopener,noreferrer');
  }, []);
  const onFind = useCallback(() => setFinding(true), []);
  const focusActiveSoon = () => requestAnimationFrame(() => terminalHandle(store.getState().activeTerminal)?.focus());
  const navigate = useCallback((path: string) => setPreview((p) => (p ? { ...p, path } : p)), []);

  return (
    <div className="terminal-area">
      <PortsStrip open={preview?.port} onOpen={(port) => setPreview({ port, path: '/' })} />
      <TerminalTabs
        tabs={terminals}
        active={active}
        onSelect={selectTerminal}
        onOpen={(id) => {
          selectTerminal(id);
          void whenTerminal(id).then((h) => requestAnimationFrame(() => h.focus()));
        }}
        onClose={(id) => {
          closeTerminal(id);
          focusActiveSoon();
        }}
        onAdd={() => {
          const id = addTerminal();
          void whenTerminal(id).then((h) => requestAnimationFrame(() => h.focus()));
        }}
        onFind={onFind}
      />
      {finding && <FindBar terminal={terminalHandle(active)} onClose={() => setFinding(false)} />}
      <div className={`terminal-body${preview ? ' with-preview' : ''}`}>
        <div className="terminal-stack">
          {terminals.map((tab) => (
            <TerminalView
              key={tab.id}
              id={tab.id}
              label={terminalLabel(t, tab)}
              active={tab.id === active}
              onLink={onLink}
              onNotice={setNotice}
              onFind={onFind}
            />
          ))}
        </div>
        {preview && (
          <PagePreview
            port={preview.port}
            path={preview.path}
            onNavigate={navigate}
            onClose={() => {
              setPreview(undefined);
              terminalHandle(active)?.focus();
            }}
          />
        )}
      </div>
      {notice && (
        <div className="toast" role="status">
          {notice}
        </div>
      )}
    </div>
  );
}
