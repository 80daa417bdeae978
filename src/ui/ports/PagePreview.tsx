/**
 * The in-page browser for a published port: what `curl localhost:<port><path>`
 * gets, through the same host network, shown in a sandboxed frame (no scripts).
 * Links to the same port are followed inside the preview.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fmt } from '../i18n';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { type PagePreview as Preview, fetchPage, linkTarget, normalizePath } from './page-preview';

export interface PagePreviewProps {
  port: number;
  path: string;
  onNavigate(path: string): void;
  onClose(): void;
}

export function PagePreview({ port, path, onNavigate, onClose }: PagePreviewProps) {
  const t = useT();
  const session = useSandbox((s) => s.session);
  const [page, setPage] = useState<Preview | undefined>();
  const [address, setAddress] = useState(path);
  const [generation, setGeneration] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => setAddress(path), [path]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    let stale = false;
    setPage(undefined);
    fetchPage(session.client.hostNetwork, port, path, navigator.userAgent).then(
      (p) => {
        if (!stale) setPage(p);
      },
      () => {
        if (!stale) setPage({ kind: 'error', error: 'refused' });
      },
    );
    return () => {
      stale = true;
    };
  }, [session, port, path, generation]);

  // links in the page: same port → follow in the preview; anything else does nothing
  const onFrameLoad = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    doc.addEventListener('click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a) return;
      e.preventDefault();
      const next = linkTarget(a.getAttribute('href') ?? '', port, path);
      if (next !== undefined) onNavigate(next);
    });
    doc.addEventListener('submit', (e) => e.preventDefault());
  }, [port, path, onNavigate]);

  let body: React.ReactNode;
  if (!page) body = <p className="preview-message">{t.previewLoading}</p>;
  else if (page.kind === 'error') {
    const text = page.error === 'timeout' ? t.previewTimeout : page.error === 'unresolved' ? t.previewUnresolved : t.previewRefused;
    body = (
      <p className="preview-message error" role="alert">
        {fmt(text, { port })}
      </p>
    );
  } else if (page.kind === 'html') {
    body = (
      <iframe
        ref={frame}
        className="preview-frame"
        title={fmt(t.previewFrame, { port })}
        sandbox="allow-same-origin"
        srcDoc={page.html}
        onLoad={onFrameLoad}
      />
    );
  } else {
    body = (
      <div className="preview-text">
        <p className="preview-note">{fmt(t.previewText, { contentType: page.contentType || 'text/plain' })}</p>
        <pre>{page.text}</pre>
      </div>
    );
  }

  return (
    <section className="preview" aria-label={`${t.previewTitle} localhost:${port}`}>
      <form
        className="preview-bar"
        onSubmit={(e) => {
          e.preventDefault();
          const p = normalizePath(address);
          if (p === path) setGeneration((g) => g + 1);
          else onNavigate(p);
        }}
      >
        <span className="preview-origin">http://localhost:{port}</span>
        <input className="preview-path" value={address} aria-label={t.previewAddress} onChange={(e) => setAddress(e.target.value)} spellCheck={false} />
        <button type="submit" className="button small">
          {t.previewGo}
        </button>
        <button type="button" className="icon-button" aria-label={t.previewReload} title={t.previewReload} onClick={() => setGeneration((g) => g + 1)}>
          ⟳
        </button>
        {page && page.kind !== 'error' && (
          <span className={`preview-status${page.status >= 400 ? ' bad' : ''}`}>
            {page.status} {page.statusText}
          </span>
        )}
        <button type="button" className="icon-button" aria-label={t.previewClose} title={t.previewClose} onClick={onClose}>
          ×
        </button>
      </form>
      <div className="preview-body">{body}</div>
    </section>
  );
}
