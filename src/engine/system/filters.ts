/**
 * The daemon side of `--filter` (moby api/types/filters.Args): validation
 * against the accepted keys and the three matching rules docker uses.
 */
import { invalidParameter } from '../../api/errors';
import type { FilterArgs } from '../../api/volume';
import { hasOwnKey, own } from '../../lib/own';

/** "Invalid filter 'bogus'" unless every key is accepted */
export function validateFilters(f: FilterArgs, accepted: readonly string[]): void {
  for (const key of Object.keys(f)) {
    if (!accepted.includes(key)) throw invalidParameter(`Invalid filter '${key}'`);
  }
}

export function values(f: FilterArgs, key: string): string[] {
  return own(f, key) ?? [];
}

export function contains(f: FilterArgs, key: string): boolean {
  return (own(f, key)?.length ?? 0) > 0;
}

export function exactMatch(f: FilterArgs, key: string, source: string): boolean {
  const v = own(f, key);
  if (!v || v.length === 0) return true;
  return v.includes(source);
}

/** exact, or the value taken as a regular expression matching anywhere in `source` (filters.Match) */
export function match(f: FilterArgs, key: string, source: string): boolean {
  const v = own(f, key);
  if (!v || v.length === 0) return true;
  for (const pattern of v) {
    if (pattern === source) return true;
    try {
      if (new RegExp(pattern).test(source)) return true;
    } catch {
      // an invalid regular expression matches nothing, like Go's regexp.MatchString error
    }
  }
  return false;
}

/** label filters: every "key" or "key=value" must be present (filters.MatchKVList) */
export function matchKVList(f: FilterArgs, key: string, sources: Record<string, string> | null | undefined): boolean {
  const v = own(f, key);
  if (!v || v.length === 0) return true;
  if (!sources || Object.keys(sources).length === 0) return false;
  for (const value of v) {
    const eq = value.indexOf('=');
    const k = eq < 0 ? value : value.slice(0, eq);
    if (!hasOwnKey(sources, k)) return false;
    if (eq >= 0 && sources[k] !== value.slice(eq + 1)) return false;
  }
  return true;
}

/** "true"/"1" → true, "false"/"0" → false, else undefined (the caller reports the invalid value) */
export function boolValue(f: FilterArgs, key: string): boolean | undefined {
  const v = own(f, key) ?? [];
  if (v.includes('true') || v.includes('1')) return true;
  if (v.includes('false') || v.includes('0')) return false;
  return undefined;
}
