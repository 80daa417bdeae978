/**
 * The page of the first frame, before React: the app's frame drawn with the
 * app's own classes (src/app/styles.css) and the learner's pane sizes
 * (layout-model.ts), so that the terminal sits where the Workspace will put
 * it: the top bar, the lesson panel, the editor and state view row, the ports
 * strip and tab bar above the terminal; on narrow screens the area tabs. The
 * areas are empty until the app fills them. Plain DOM, no React.
 *
 * The labels in boxes of a fixed size (the title, the ports strip, the
 * terminal's tab) are written once the prompt is on the screen (showLabels):
 * the first text in the page's UI font makes the browser load that font, and
 * laying it out took the first frame about 20 ms more than the terminal
 * alone (Chromium traces of cold loads, issue 11). The narrow layout's area
 * tabs take their height from their text, so they get it at once.
 */
import { type Dictionary, fmt } from '../i18n';
import { AREAS, loadSizes, MIN, NARROW_MAX_WIDTH } from '../layout/layout-model';

/** a text written by showLabels, after the first frame */
interface Later {
  later: string;
}

type Child = Node | string | Later;

/** the labels held back, with their elements (filled by h) */
let pending: [HTMLElement, string][] = [];

const later = (text: string): Later => ({ later: text });

function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) {
    if (typeof c === 'object' && 'later' in c) pending.push([el, c.later]);
    else el.append(c);
  }
  return el;
}

const LOGO =
  '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect x="3" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff"/><rect x="8" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff"/><rect x="13" y="9" width="4" height="4" rx="0.6" fill="#6cb6ff"/><rect x="8" y="4" width="4" height="4" rx="0.6" fill="#8ccfff"/><path d="M2 14.5h19c-.6 3.6-3.9 6-8.5 6-5 0-8.7-2.4-10.5-6Z" fill="#2f81f7"/></svg>';

const clamp = (n: number, min: number, total: number, minOther: number) => (total > 0 ? Math.max(min, Math.min(n, total - minOther)) : n);

/**
 * Builds the frame in `root` and returns the element the boot terminal opens
 * in (the active terminal's place).
 */
export function buildSkeleton(root: HTMLElement, t: Dictionary, terminalIndex: number): HTMLElement {
  pending = [];
  const width = window.innerWidth;
  const narrow = width < NARROW_MAX_WIDTH;
  const sizes = loadSizes(typeof localStorage === 'undefined' ? undefined : localStorage);

  const brand = h('div', { class: 'brand' });
  brand.innerHTML = LOGO;
  brand.append(h('h1', {}, later(t.title)));
  const topBar = h('header', { class: 'top-bar' }, brand);

  const terminal = h('div', { class: 'terminal', 'data-boot-terminal': '' });
  const terminalArea = h(
    'section',
    { class: `area area-terminals${narrow ? ' active' : ''}`, 'aria-label': t.areaTerminals },
    h(
      'div',
      { class: 'terminal-area' },
      h('section', { class: 'ports-strip', 'aria-label': t.ports }, h('span', { class: 'ports-title' }, later(t.ports)), h('span', { class: 'ports-empty' }, later(t.noPorts))),
      h(
        'div',
        { class: 'terminal-tabbar' },
        h(
          'div',
          { class: 'terminal-tabs' },
          h(
            'div',
            { class: 'terminal-tab selected' },
            h('span', { class: 'terminal-tab-label' }, h('span', { class: 'terminal-tab-icon', 'aria-hidden': 'true' }, later('❯')), later(fmt(t.terminalName, { n: terminalIndex }))),
          ),
        ),
      ),
      h('div', { class: 'terminal-body' }, h('div', { class: 'terminal-stack' }, terminal)),
    ),
  );

  const workspace = h('div', { class: `workspace ${narrow ? 'narrow' : 'wide'}` });
  const body = h('div', { class: 'workspace-body' });
  const label: Record<string, string> = { lesson: t.areaLesson, terminals: t.areaTerminals, editor: t.areaEditor, state: t.areaState };
  if (narrow) {
    workspace.dataset.active = 'terminals';
    workspace.append(
      h('div', { class: 'area-tabs' }, ...AREAS.map((id) => h('span', { class: 'area-tab', 'aria-selected': String(id === 'terminals') }, label[id] ?? id))),
    );
    body.append(h('div', { class: 'main-column' }, terminalArea));
  } else {
    const topBarHeight = 48;
    const lesson = sizes.lessonCollapsed ? 0 : clamp(sizes.lesson, MIN.lesson, width, MIN.main);
    const columnWidth = width - (sizes.lessonCollapsed ? 28 : lesson + 1);
    const upper = clamp(sizes.upper, MIN.upper, window.innerHeight - topBarHeight, MIN.terminals);
    const editor = clamp(sizes.editor, MIN.editor, columnWidth, MIN.state);
    if (sizes.lessonCollapsed) body.append(h('div', { class: 'lesson-rail' }));
    else body.append(h('section', { class: 'area area-lesson', style: `width:${lesson}px` }), h('div', { class: 'splitter splitter-vertical' }));
    body.append(
      h(
        'div',
        { class: 'main-column' },
        h(
          'div',
          { class: 'upper-row', style: `height:${upper}px` },
          h('section', { class: 'area area-editor', style: `width:${editor}px` }),
          h('div', { class: 'splitter splitter-vertical' }),
          h('section', { class: 'area area-state' }),
        ),
        h('div', { class: 'splitter splitter-horizontal' }),
        terminalArea,
      ),
    );
  }
  workspace.append(body);
  root.replaceChildren(h('div', { class: 'app' }, topBar, h('main', { class: 'app-main' }, workspace)));
  return terminal;
}

/** writes the labels buildSkeleton held back (main.ts: once the prompt is drawn) */
export function showLabels(): void {
  const labels = pending;
  pending = [];
  for (const [el, text] of labels) el.append(text);
}
