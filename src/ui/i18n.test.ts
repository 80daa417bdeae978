import { describe, expect, it } from 'vitest';
import { dictionaries, pickLang } from './i18n';

describe('i18n', () => {
  it('picks the language from navigator.language(s)', () => {
    expect(pickLang('zh-CN')).toBe('zh-CN');
    expect(pickLang(['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLang(['fr-FR', 'en-US'])).toBe('en');
    expect(pickLang(undefined)).toBe('en');
  });
  it('has every string in both languages, none empty', () => {
    const keys = Object.keys(dictionaries.en).sort();
    expect(Object.keys(dictionaries['zh-CN']).sort()).toEqual(keys);
    for (const d of Object.values(dictionaries))
      for (const v of Object.values(d)) expect(Array.isArray(v) ? v.length : v.length).toBeGreaterThan(0);
  });
});
