/** Inspect data as a collapsible tree (<details>), the first levels open. */
import type { ReactNode } from 'react';

interface NodeProps {
  name?: string;
  value: unknown;
  depth: number;
  openDepth: number;
}

function primitive(v: unknown): ReactNode {
  if (v === null) return <span className="sv-json-null">null</span>;
  if (typeof v === 'string') return <span className="sv-json-string">{JSON.stringify(v)}</span>;
  if (typeof v === 'number') return <span className="sv-json-number">{String(v)}</span>;
  if (typeof v === 'boolean') return <span className="sv-json-bool">{String(v)}</span>;
  return <span className="sv-json-null">{v === undefined ? 'undefined' : String(v)}</span>;
}

function JsonNode({ name, value, depth, openDepth }: NodeProps) {
  const label = name !== undefined ? <span className="sv-json-key">{JSON.stringify(name)}: </span> : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="sv-json-leaf">
        {label}
        {primitive(value)}
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div className="sv-json-leaf">
        {label}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details className="sv-json-node" open={depth < openDepth}>
      <summary>
        {label}
        {open}
        <span className="sv-json-count">{entries.length}</span>
        {close}
      </summary>
      <div className="sv-json-children">
        {entries.map(([k, v]) => (
          <JsonNode key={k} name={Array.isArray(value) ? undefined : k} value={v} depth={depth + 1} openDepth={openDepth} />
        ))}
      </div>
    </details>
  );
}

export function JsonTree({ value, openDepth = 1 }: { value: unknown; openDepth?: number }) {
  return (
    <div className="sv-json">
      <JsonNode value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}
