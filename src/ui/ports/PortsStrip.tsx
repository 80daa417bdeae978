/**
 * Above the terminals: every running container that publishes a port, with an
 * "open :8080" button that shows the page in the in-page preview. Re-read from
 * the engine (containerList) whenever the sandbox changes.
 */
import { useEffect, useState } from 'react';
import { fmt } from '../i18n';
import { usePacedRevision } from '../use-paced-revision';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { type ContainerPorts, publishedPorts, samePorts } from './ports-model';

export function PortsStrip({ open, onOpen }: { open?: number; onOpen(port: number): void }) {
  const t = useT();
  const session = useSandbox((s) => s.session);
  const revision = usePacedRevision();
  const [list, setList] = useState<ContainerPorts[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the trigger to re-read
  useEffect(() => {
    let stale = false;
    session.client.containerList().then(
      (cs) => {
        if (stale) return;
        const next = publishedPorts(cs);
        setList((prev) => (samePorts(prev, next) ? prev : next));
      },
      () => {
        if (!stale) setList([]);
      },
    );
    return () => {
      stale = true;
    };
  }, [session, revision]);

  return (
    <section className="ports-strip" aria-label={t.ports}>
      <span className="ports-title">{t.ports}</span>
      {list.length === 0 ? (
        <span className="ports-empty">{t.noPorts}</span>
      ) : (
        <ul className="ports-list">
          {list.map((c) => (
            <li key={c.id} className="ports-container">
              <span className="ports-name" title={c.id.slice(0, 12)}>
                {c.name}
              </span>
              {c.ports.map((p) => (
                <button
                  key={p.hostPort}
                  type="button"
                  className={`port-link${open === p.hostPort ? ' open' : ''}`}
                  aria-pressed={open === p.hostPort}
                  title={fmt(t.openPortTitle, { port: p.hostPort, containerPort: p.containerPort })}
                  onClick={() => onOpen(p.hostPort)}
                >
                  {fmt(t.openPort, { port: p.hostPort })}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
