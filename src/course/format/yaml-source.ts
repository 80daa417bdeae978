/**
 * lesson.yaml with positions: parse with the `yaml` package and find the line
 * of a field from its path (["steps", 2, "checks", 0, "ports"]), so every
 * problem names its line.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

export interface YamlSource {
  value: unknown;
  /** syntax errors */
  errors: { line: number; message: string }[];
  /** 1-based line of the value at `path` (or of the key `key` inside it); the nearest existing parent's when missing */
  lineOf(path: readonly PropertyKey[], key?: string): number;
}

export function parseYamlSource(src: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => ({
    line: lineCounter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }));
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const lineOf = (path: readonly PropertyKey[], key?: string): number => {
    let node: unknown = doc.contents;
    let line = lineAt((doc.contents as Node | null)?.range?.[0]);
    const steps: PropertyKey[] = key === undefined ? [...path] : [...path, key];
    for (const [i, seg] of steps.entries()) {
      const last = i === steps.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return line;
        const keyNode = pair.key as Node;
        // the key's line: a problem with a value sits on its key's line
        line = lineAt(keyNode.range?.[0]);
        if (last && key !== undefined) return line;
        node = pair.value;
        const v = node as Node | null;
        if (v?.range && !isMap(v) && !isSeq(v)) line = lineAt(v.range[0]);
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as Node | undefined;
        if (!item) return line;
        line = lineAt(item.range?.[0]);
        node = item;
      } else return line;
    }
    return line;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({ line: 1, message: e instanceof Error ? e.message : String(e) });
  }
  return { value, errors, lineOf };
}

/** "steps[2].checks[0].ports" */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}
