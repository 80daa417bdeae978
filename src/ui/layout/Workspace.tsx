/**
 * The four areas. Wide screens: the lesson panel on the left; on the right the
 * editor and the state view side by side above the terminals, every boundary a
 * splitter. Below 900 px: one area at a time behind a tab bar. The areas stay
 * mounted in both layouts (terminals keep their screens, the editor its models).
 */
import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../use-t';
import {
  type AreaId,
  AREAS,
  type PaneSizes,
  MIN,
  NARROW_MAX_WIDTH,
  MAX_LESSON,
  loadSizes,
  paneFraction,
  type PaneLimits,
  paneSize,
  saveSizes,
} from './layout-model';
import { Splitter } from './Splitter';
import { useElementSize, useMedia } from './use-media';

export interface WorkspaceProps {
  areas: Record<AreaId, ReactNode>;
  /** narrow layout: the area shown (controlled, so F6 and links can switch it) */
  narrowArea: AreaId;
  onNarrowArea(area: AreaId): void;
}

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function Workspace({ areas, narrowArea, onNarrowArea }: WorkspaceProps) {
  const t = useT();
  const narrow = useMedia(`(max-width: ${NARROW_MAX_WIDTH - 0.02}px)`);
  const [sizes, setSizes] = useState<PaneSizes>(() => loadSizes(storage()));
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const [column, setColumn] = useState<HTMLDivElement | null>(null);
  const [upperRow, setUpperRow] = useState<HTMLDivElement | null>(null);
  const bodySize = useElementSize(body);
  const columnSize = useElementSize(column);
  const upperSize = useElementSize(upperRow);

  useEffect(() => saveSizes(storage(), sizes), [sizes]);

  const set = (patch: Partial<PaneSizes>) => setSizes((s) => ({ ...s, ...patch }));
  const label: Record<AreaId, string> = {
    lesson: t.areaLesson,
    terminals: t.areaTerminals,
    editor: t.areaEditor,
    state: t.areaState,
  };
  const wide = !narrow;
  const lessonShown = wide && !sizes.lessonCollapsed;
  const lessonLimits: PaneLimits = { min: MIN.lesson, total: bodySize.width, minOther: MIN.main, max: MAX_LESSON };
  const upperLimits: PaneLimits = { min: MIN.upper, total: columnSize.height, minOther: MIN.terminals };
  const editorLimits: PaneLimits = { min: MIN.editor, total: upperSize.width, minOther: MIN.state };
  // before the first measure the panes take their share through CSS (flex), then px
  const lessonPx = paneSize(sizes.lesson, lessonLimits);
  const upperPx = paneSize(sizes.upper, upperLimits);
  const editorPx = paneSize(sizes.editor, editorLimits);
  const cssSize = (px: number, fraction: number) => (px > 0 ? px : `${fraction * 100}%`);

  const area = (id: AreaId, style?: React.CSSProperties) => (
    <section
      key={id}
      id={`area-${id}`}
      className={`area area-${id}${narrow && narrowArea === id ? ' active' : ''}`}
      aria-label={label[id]}
      role={narrow ? 'tabpanel' : 'region'}
      aria-labelledby={narrow ? `tab-${id}` : undefined}
      tabIndex={-1}
      data-area={id}
      style={wide ? style : undefined}
      hidden={id === 'lesson' && wide && sizes.lessonCollapsed}
    >
      {id === 'lesson' && wide && (
        <button type="button" className="lesson-fold icon-button" aria-label={t.hideLesson} title={t.hideLesson} aria-expanded="true" aria-controls="area-lesson" onClick={() => set({ lessonCollapsed: true })}>
          «
        </button>
      )}
      {areas[id]}
    </section>
  );

  return (
    <div className={`workspace ${narrow ? 'narrow' : 'wide'}`} data-active={narrow ? narrowArea : undefined}>
      {narrow && (
        <div className="area-tabs" role="tablist" aria-label={t.areas}>
          {AREAS.map((id) => (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              aria-selected={narrowArea === id}
              aria-controls={`area-${id}`}
              tabIndex={narrowArea === id ? 0 : -1}
              className="area-tab"
              onClick={() => onNarrowArea(id)}
              onKeyDown={(e) => {
                const i = AREAS.indexOf(id);
                const next = e.key === 'ArrowRight' ? AREAS[(i + 1) % AREAS.length] : e.key === 'ArrowLeft' ? AREAS[(i + AREAS.length - 1) % AREAS.length] : undefined;
                if (!next) return;
                e.preventDefault();
                onNarrowArea(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {label[id]}
            </button>
          ))}
        </div>
      )}
      <div className="workspace-body" ref={setBody}>
        {wide && sizes.lessonCollapsed && (
          <button type="button" className="lesson-rail" aria-label={t.showLesson} title={t.showLesson} aria-expanded="false" aria-controls="area-lesson" onClick={() => set({ lessonCollapsed: false })}>
            <span aria-hidden="true">»</span>
            <span className="lesson-rail-text">{t.areaLesson}</span>
          </button>
        )}
        {area('lesson', { width: cssSize(lessonPx, sizes.lesson) })}
        {lessonShown && (
          <Splitter
            orientation="vertical"
            size={lessonPx}
            limits={{ ...lessonLimits, minOther: Math.max(MIN.main, lessonLimits.total - MAX_LESSON) }}
            label={t.resizeLesson}
            controls="area-lesson"
            onSize={(px) => set({ lesson: paneFraction(px, lessonLimits) })}
          />
        )}
        <div className="main-column" ref={setColumn}>
          <div className="upper-row" ref={setUpperRow} style={wide ? { height: cssSize(upperPx, sizes.upper) } : undefined}>
            {area('editor', { width: cssSize(editorPx, sizes.editor) })}
            {wide && (
              <Splitter
                orientation="vertical"
                size={editorPx}
                limits={editorLimits}
                label={t.resizeEditor}
                controls="area-editor"
                onSize={(px) => set({ editor: paneFraction(px, editorLimits) })}
              />
            )}
            {area('state')}
          </div>
          {wide && (
            <Splitter
              orientation="horizontal"
              size={upperPx}
              limits={upperLimits}
              label={t.resizeUpper}
              controls="area-editor"
              onSize={(px) => set({ upper: paneFraction(px, upperLimits) })}
            />
          )}
          {area('terminals')}
        </div>
      </div>
    </div>
  );
}
