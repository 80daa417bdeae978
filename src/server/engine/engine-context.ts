/** What every domain of the server's engine client shares: the transport and the session's policy. */
import type { SessionPolicy } from '../policy/session-policy';
import type { EngineTransport } from './transport';

export interface EngineContext {
  t: EngineTransport;
  policy: SessionPolicy;
}

/** filters.Args as a query parameter (JSON map of name → {value: true}, as the Go client sends it) */
export function filtersParam(f: Record<string, string[]> | undefined): string | undefined {
  if (!f || Object.keys(f).length === 0) return undefined;
  const out: Record<string, Record<string, boolean>> = {};
  for (const [k, vs] of Object.entries(f)) out[k] = Object.fromEntries(vs.map((v) => [v, true]));
  return JSON.stringify(out);
}

export const seg = (s: string) => encodeURIComponent(s);
