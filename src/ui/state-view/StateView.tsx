/**
 * The state view: a live SVG picture of the engine (registries, images as
 * stacks of shared layers with their tags and containers, networks, volumes).
 * Re-reads the engine through the client whenever the store's revision moves,
 * glows what changed, and shows the inspect data of what you click.
 */
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePacedRevision } from '../use-paced-revision';
import { useSandbox, useSandboxStore } from '../use-sandbox';
import { buildStateModel, ContainerReads } from './build-model';
import { changedKeys } from './changes';
import { explainDictionaries } from './explain-i18n';
import { stateViewDictionaries } from './i18n';
import { InspectPanel } from './InspectPanel';
import { fitScale, layoutStateModel } from './layout';
import type { StateModel } from './model';
import { LEGEND, PALETTE, swatchStyle } from './palette';
import { StateSvg } from './StateSvg';
import './state-view.css';

const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];

export function StateView() {
  const lang = useSandbox((s) => s.lang);
  const session = useSandbox((s) => s.session);
  const revision = usePacedRevision();
  const provenance = useSandbox((s) => s.provenance);
  const selection = useSandbox((s) => s.selection);
  const select = useSandbox((s) => s.select);
  const t = stateViewDictionaries[lang];

  const [model, setModel] = useState<StateModel>();
  const [error, setError] = useState<string>();
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [glowGeneration, setGlowGeneration] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [groupImages, setGroupImages] = useState(true);
  const [allLinks, setAllLinks] = useState(false);
  const [zoom, setZoom] = useState(1);
  const [viewport, setViewport] = useState({ width: 900, height: 600 });
  const scroller = useRef<HTMLDivElement>(null);
  const previous = useRef<{ session: unknown; model?: StateModel }>({ session: undefined });
  // the changes are read when the engine is (subscribing to them would render the view after every event)
  const store = useSandboxStore();

  // the containers the engine's events name between two reads are inspected again, the others are not
  const reads = useMemo(() => (session ? new ContainerReads() : undefined), [session]);
  useEffect(() => (reads ? session.onChange((c) => reads.note(c)) : undefined), [session, reads]);

  // re-read the engine after every command / change; a newer read wins
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the trigger
  useEffect(() => {
    let stale = false;
    buildStateModel(session.client, reads).then(
      (m) => {
        if (stale) return;
        const prev = previous.current.session === session ? previous.current.model : undefined;
        const keys = changedKeys(prev, m, store.getState().lastChanges);
        previous.current = { session, model: m };
        setModel(m);
        setError(undefined);
        if (keys.size > 0) {
          setChanged(keys);
          setGlowGeneration((g) => g + 1);
        }
      },
      (e: unknown) => {
        if (!stale) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [session, revision, store, reads]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setViewport({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setViewport({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(
    () => (model ? layoutStateModel(model, viewport, { collapseImages: groupImages ? 'auto' : false, expanded }, t.hub) : undefined),
    [model, viewport, groupImages, expanded, t.hub],
  );

  const toggle = useCallback((group: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });
  }, []);

  const step = (dir: 1 | -1) => {
    const i = ZOOMS.findIndex((z) => z >= zoom - 1e-6);
    const at = i < 0 ? ZOOMS.length - 1 : i;
    setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, at + dir))] ?? 1);
  };

  const empty = model && model.images.length === 0 && model.containers.length === 0 && model.volumes.length === 0;

  return (
    <section className="sv-root" aria-label={t.title}>
      <div className="sv-toolbar">
        <button type="button" onClick={() => step(-1)} title={t.zoomOut} aria-label={t.zoomOut}>
          −
        </button>
        <span className="sv-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => step(1)} title={t.zoomIn} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => layout && setZoom(fitScale(layout, viewport))}>
          {t.zoomFit}
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          {t.zoomReset}
        </button>
        <label>
          <input type="checkbox" checked={groupImages} onChange={(e) => setGroupImages(e.target.checked)} /> {t.groupImages}
        </label>
        <label>
          <input type="checkbox" checked={allLinks} onChange={(e) => setAllLinks(e.target.checked)} /> {t.allLinks}
        </label>
        <details className="sv-legend">
          <summary>{t.legend}</summary>
          <div className="sv-legend-panel">
            {LEGEND.map(([group, ids]) => (
              <Fragment key={group}>
                <p className="sv-legend-group">{t.legendGroups[group]}</p>
                {ids.map((id) => (
                  <span key={id} className={`sv-legend-item${PALETTE[id].dashed ? ' sv-dashed' : ''}`} style={swatchStyle(id) as React.CSSProperties}>
                    <i />
                    {t.swatches[id]}
                  </span>
                ))}
              </Fragment>
            ))}
          </div>
        </details>
      </div>
      <div className="sv-body">
        <div className="sv-scroll" ref={scroller}>
          {error && (
            <p className="sv-error">
              {t.loadFailed} {error}
            </p>
          )}
          {!model && !error && <p className="sv-status">{t.loading}</p>}
          {empty && <p className="sv-status">{t.empty}</p>}
          {layout && (
            <StateSvg
              t={t}
              layout={layout}
              zoom={zoom}
              selection={selection}
              changed={changed}
              glowGeneration={glowGeneration}
              allLinks={allLinks}
              onSelect={select}
              onToggle={toggle}
            />
          )}
        </div>
        {selection && <InspectPanel t={t} x={explainDictionaries[lang]} selection={selection} model={model} provenance={provenance} onClose={() => select(undefined)} />}
      </div>
    </section>
  );
}
