import { describe, expect, it } from 'vitest';
import { stateViewDictionaries } from './i18n';

/** every leaf path of a nested dictionary, with its value */
function leaves(o: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
    for (const [k, v] of Object.entries(o)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, o);
  return out;
}

describe('state view strings', () => {
  it('has every key in every language, none empty', () => {
    const en = leaves(stateViewDictionaries.en);
    const zh = leaves(stateViewDictionaries['zh-CN']);
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const d of [en, zh]) for (const [k, v] of d) expect(typeof v === 'string' && v.length > 0, k).toBe(true);
    expect(zh.get('bands.images')).not.toBe(en.get('bands.images'));
  });
});
