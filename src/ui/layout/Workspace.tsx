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
  loadSizes,
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
  const lessonLimits = { min: MIN.lesson, total: bodySize.width, minOther: MIN.main };
  const upperLimits = { min: MIN.upper, total: columnSize.height, minOther: MIN.terminals };
  const editorLimits = { min: MIN.editor, total: upperSize.width, minOther: MIN.state };
  const px = (n: number, l: { min: number; total: number; minOther: number }) =>
    l.total > 0 ? Math.max(l.min, Math.min(n, l.total - l.minOther)) : n;

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
        {area('lesson', { width: px(sizes.lesson, lessonLimits) })}
        {lessonShown && (
          <Splitter
            orientation="vertical"
            size={px(sizes.lesson, lessonLimits)}
            limits={lessonLimits}
            label={t.resizeLesson}
            controls="area-lesson"
            onSize={(lesson) => set({ lesson })}
          />
        )}
        <div className="main-column" ref={setColumn}>
          <div className="upper-row" ref={setUpperRow} style={wide ? { height: px(sizes.upper, upperLimits) } : undefined}>
            {area('editor', { width: px(sizes.editor, editorLimits) })}
            {wide && (
              <Splitter
                orientation="vertical"
                size={px(sizes.editor, editorLimits)}
                limits={editorLimits}
                label={t.resizeEditor}
                controls="area-editor"
                onSize={(editor) => set({ editor })}
              />
            )}
            {area('state')}
          </div>
          {wide && (
            <Splitter
              orientation="horizontal"
              size={px(sizes.upper, upperLimits)}
              limits={upperLimits}
              label={t.resizeUpper}
              controls="area-editor"
              onSize={(upper) => set({ upper })}
            />
          )}
          {area('terminals')}
        </div>
      </div>
    </div>
  );
}
