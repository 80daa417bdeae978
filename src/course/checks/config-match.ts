/**
 * Comparing a check's expectations with an image's or container's Config:
 * labels, environment, command words, exposed ports. Shared by the image and
 * container checks.
 */
import type { Text } from '../model';
import { say } from './say';

/** "80" → "80/tcp" */
export function portKey(p: string | number): string {
  const s = String(p);
  return s.includes('/') ? s : `${s}/tcp`;
}

/** a command as the check wrote it (list, or one shell line) against what Docker stored */
export function commandMatches(want: string | string[], have: readonly string[] | null | undefined): boolean {
  const h = have ?? [];
  if (Array.isArray(want)) return want.length === h.length && want.every((w, i) => w === h[i]);
  if (h.length === 3 && h[0] === '/bin/sh' && h[1] === '-c') return h[2] === want;
  return h.join(' ') === want;
}

export function showCommand(c: readonly string[] | null | undefined): string {
  return c && c.length > 0 ? JSON.stringify(c) : '[]';
}

export function labelProblems(what: Text, want: Record<string, string | null>, have: Record<string, string> | null | undefined): Text[] {
  const out: Text[] = [];
  const h = have ?? {};
  for (const [k, v] of Object.entries(want)) {
    if (!(k in h)) out.push(say(`${what.en} has no label ${k}`, `${what['zh-CN']}没有 LABEL ${k}`));
    else if (v !== null && h[k] !== v) out.push(say(`the label ${k} of ${what.en} is "${h[k]}", not "${v}"`, `${what['zh-CN']}的 LABEL ${k} 是“${h[k]}”，不是“${v}”`));
  }
  return out;
}

export function envProblems(what: Text, want: Record<string, string>, env: readonly string[] | null | undefined): Text[] {
  const out: Text[] = [];
  const vars = new Map<string, string>();
  for (const e of env ?? []) {
    const i = e.indexOf('=');
    vars.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  for (const [k, v] of Object.entries(want)) {
    const got = vars.get(k);
    if (got === undefined) out.push(say(`${what.en} does not set ${k}`, `${what['zh-CN']}没有设置环境变量 ${k}`));
    else if (got !== v) out.push(say(`${what.en} sets ${k}=${got}, not ${k}=${v}`, `${what['zh-CN']}设置的是 ${k}=${got}，不是 ${k}=${v}`));
  }
  return out;
}

/** two values of a Config field alike (arrays/objects by their JSON) */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
