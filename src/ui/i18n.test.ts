import { describe, expect, it } from 'vitest';
import { dictionaries, fmt, pickLang } from './i18n';

/** every leaf of a dictionary: "path" → value */
function leaves(v: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) for (const [p, y] of leaves(x, path ? `${path}.${k}` : k)) out.set(p, y);
    if (Array.isArray(v)) out.set(`${path}.length`, v.length);
  } else out.set(path, v);
  return out;
}

describe('i18n', () => {
  it('picks the language from navigator.language(s)', () => {
    expect(pickLang('zh-CN')).toBe('zh-CN');
    expect(pickLang(['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLang(['fr-FR', 'en-US'])).toBe('en');
    expect(pickLang(undefined)).toBe('en');
  });
  it('has every string in both languages, none empty, the same placeholders', () => {
    const en = leaves(dictionaries.en);
    const zh = leaves(dictionaries['zh-CN']);
    const structure = (m: Map<string, unknown>) => [...m.keys()].filter((k) => !/\.\d+\.|\.\d+$/.test(k) || k.endsWith('.length')).sort();
    expect(structure(zh)).toEqual(structure(en));
    for (const m of [en, zh])
      for (const [k, v] of m) {
        if (k.endsWith('.length')) expect(v, k).toBeGreaterThan(0);
        else if (!/welcome\.\d+$/.test(k)) expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
      }
    for (const [k, v] of en) {
      if (typeof v !== 'string') continue;
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(String(zh.get(k) ?? '')), k).toEqual(holes(v));
    }
  });
  it('keeps the commands offered in the lesson panel identical in both languages', () => {
    expect(dictionaries['zh-CN'].lessonTry.map((x) => x.command)).toEqual(dictionaries.en.lessonTry.map((x) => x.command));
  });
  it('fills placeholders', () => {
    expect(fmt(dictionaries.en.terminalName, { n: 2 })).toBe('Terminal 2');
    expect(fmt(dictionaries['zh-CN'].terminalName, { n: 2 })).toBe('终端 2');
    expect(fmt('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
