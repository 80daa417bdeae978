/** Lesson prose (src/course/format/blocks.ts) as React elements: never HTML. Shell blocks get a Run button. */
import type { ReactNode } from 'react';
import { type Block, commandLines, type Inline } from '../../course/format/blocks';
import { fmt } from '../i18n';
import type { CourseStrings } from './course-strings';

/** static prose never reorders: its position is its identity */
export function keyed<T>(items: readonly T[], prefix: string): { key: string; item: T }[] {
  return items.map((item, n) => ({ key: `${prefix}${n}`, item }));
}

export function Inlines({ c }: { c: readonly Inline[] }): ReactNode {
  return c.map((x, i) => {
    const k = i;
    switch (x.t) {
      case 'text':
        return x.v;
      case 'code':
        return <code key={k}>{x.v}</code>;
      case 'em':
        return (
          <em key={k}>
            <Inlines c={x.c} />
          </em>
        );
      case 'strong':
        return (
          <strong key={k}>
            <Inlines c={x.c} />
          </strong>
        );
      case 'del':
        return (
          <del key={k}>
            <Inlines c={x.c} />
          </del>
        );
      case 'br':
        return <br key={k} />;
      case 'link':
        return (
          <a key={k} href={x.href} target={x.href.startsWith('#') ? undefined : '_blank'} rel="noopener noreferrer">
            <Inlines c={x.c} />
          </a>
        );
    }
    return null;
  });
}

export function Blocks({ blocks, s, onRun }: { blocks: readonly Block[]; s: CourseStrings; onRun(terminal: string | undefined, lines: string[]): void }): ReactNode {
  return blocks.map((b, i) => {
    const k = i;
    switch (b.t) {
      case 'p':
        return (
          <p key={k}>
            <Inlines c={b.c} />
          </p>
        );
      case 'h':
        return (
          <h4 key={k}>
            <Inlines c={b.c} />
          </h4>
        );
      case 'list': {
        const items = keyed(b.items, `${k}.`).map(({ key, item }) => (
          <li key={key}>
            <Blocks blocks={item} s={s} onRun={onRun} />
          </li>
        ));
        return b.ordered ? (
          <ol key={k} start={b.start}>
            {items}
          </ol>
        ) : (
          <ul key={k}>{items}</ul>
        );
      }
      case 'code':
        return (
          <div key={k} className="lesson-code">
            <pre>
              <code>{b.text}</code>
            </pre>
            {b.run && (
              <button type="button" className="button small run" onClick={() => onRun(b.run?.terminal, commandLines(b.text))}>
                ▶ {b.run.terminal ? fmt(s.runIn, { n: b.run.terminal.slice(1) }) : s.run}
              </button>
            )}
          </div>
        );
      case 'quote':
        return (
          <blockquote key={k}>
            <Blocks blocks={b.c} s={s} onRun={onRun} />
          </blockquote>
        );
      case 'table':
        return (
          <table key={k}>
            <thead>
              <tr>
                {keyed(b.head, 'h').map(({ key, item }) => (
                  <th key={key}>
                    <Inlines c={item} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keyed(b.rows, 'r').map(({ key, item }) => (
                <tr key={key}>
                  {keyed(item, 'c').map((c) => (
                    <td key={c.key}>
                      <Inlines c={c.item} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      case 'hr':
        return <hr key={k} />;
    }
    return null;
  });
}
