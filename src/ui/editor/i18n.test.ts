import { describe, expect, it } from 'vitest';
import { editorDictionaries } from './i18n';

function leaves(o: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (o !== null && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, o);
  return out;
}

describe('editor strings', () => {
  it('has every key in every language, none empty', () => {
    const en = leaves(editorDictionaries.en);
    const zh = leaves(editorDictionaries['zh-CN']);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const d of [en, zh]) {
      for (const [k, v] of d) {
        const text = typeof v === 'function' ? (v as (x: never) => string)(2 as never) : v;
        expect(typeof text === 'string' && text.length > 0, k).toBe(true);
      }
    }
    expect(editorDictionaries['zh-CN'].build).not.toBe(editorDictionaries.en.build);
  });
});
