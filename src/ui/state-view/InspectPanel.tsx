/**
 * The selected object: first a card in plain language (what it is, why it is
 * dangling, what it shares, what removing it would do), the command line that
 * made it, then its inspect JSON.
 */
import { useMemo, useState } from 'react';
import type { Selection } from '../../store/contract';
import { explain } from './explain';
import type { ExplainDictionary } from './explain-i18n';
import type { StateViewDictionary } from './i18n';
import { JsonTree } from './JsonTree';
import { objectKey, type StateModel, shortId } from './model';
import { findProvenance } from './provenance';

export interface InspectPanelProps {
  t: StateViewDictionary;
  x: ExplainDictionary;
  selection: Selection;
  model: StateModel | undefined;
  provenance: Readonly<Record<string, string>>;
  onClose(): void;
}

export function InspectPanel({ t, x, selection, model, provenance, onClose }: InspectPanelProps) {
  const [depth, setDepth] = useState({ n: 1, gen: 0 });
  const card = useMemo(() => (model ? explain(selection, model, x, t) : []), [selection, model, x, t]);
  const data = model?.inspect[objectKey(selection.kind, selection.id)];
  const made = findProvenance(provenance, selection, model);
  const heading = `${t.kinds[selection.kind]} ${selection.kind === 'volume' || selection.kind === 'registry' || selection.kind === 'repository' ? selection.id : shortId(selection.id)}`;
  return (
    <aside className="sv-inspect" aria-label={t.inspect.title}>
      <header className="sv-inspect-head">
        <strong title={selection.id}>{heading}</strong>
        <span className="sv-inspect-actions">
          <button type="button" onClick={() => setDepth((d) => ({ n: 99, gen: d.gen + 1 }))}>
            {t.inspect.expandAll}
          </button>
          <button type="button" onClick={() => setDepth((d) => ({ n: 1, gen: d.gen + 1 }))}>
            {t.inspect.collapseAll}
          </button>
          <button type="button" className="sv-inspect-close" onClick={onClose} aria-label={t.inspect.close} title={t.inspect.close}>
            ×
          </button>
        </span>
      </header>
      {card.length > 0 && (
        <div className="sv-explain">
          {card.map((section) => (
            <section key={section.heading} className="sv-explain-section">
              <h3>{section.heading}</h3>
              {section.lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </section>
          ))}
        </div>
      )}
      <div className="sv-inspect-made">
        <span className="sv-inspect-label">{t.inspect.madeBy}</span>
        {made ? <code>{made}</code> : <em>{t.inspect.noCommand}</em>}
      </div>
      <h3 className="sv-inspect-json-title">{t.inspect.json}</h3>
      {data === undefined ? <p className="sv-inspect-none">{t.inspect.noData}</p> : <JsonTree key={`${selection.id}-${depth.gen}`} value={data} openDepth={depth.n} />}
    </aside>
  );
}
