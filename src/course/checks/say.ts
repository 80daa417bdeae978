/** Building check messages in both languages. */
import type { Lang, Text } from '../model';

export function say(en: string, zh: string): Text {
  return { en, 'zh-CN': zh };
}

/** "a, b and c" / "a、b 和 c" (at most `max` shown, then "and N more") */
export function list(items: readonly string[], lang: Lang, max = 6): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (lang === 'zh-CN') {
    const body = shown.join('、');
    return more > 0 ? `${body} 等 ${items.length} 个` : body;
  }
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function listText(items: readonly string[], max = 6): Text {
  return { en: list(items, 'en', max), 'zh-CN': list(items, 'zh-CN', max) };
}

/** several problems of one check in one message */
export function joinTexts(parts: readonly Text[]): Text {
  return { en: parts.map((p) => p.en).join('; '), 'zh-CN': parts.map((p) => p['zh-CN']).join('；') };
}

/** a short preview of a file or command output: first line, at most 60 characters */
export function preview(s: string): string {
  const first = s.replace(/\r/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  const cut = first.length > 60 ? `${first.slice(0, 57)}…` : first;
  return cut.trim();
}

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** the message of a `not:` check that failed: the statement holds, and must not */
export function negated(expect: Text): Text {
  return { en: `${expect.en} — this step wants the opposite`, 'zh-CN': `${expect['zh-CN']}——这一步要求的恰好相反` };
}

/** a check that refers to a `$name` an earlier check could not bind */
export function unbound(name: string): Text {
  return say(`waiting for the check that finds $${name} to pass first`, `需要先通过找出 $${name} 的那项检查`);
}
