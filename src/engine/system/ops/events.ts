/**
 * GET /events (moby daemon/events): past events between since and until
 * matching the filters, then (without until) live ones as they happen.
 * Filters: type, event, container, image, volume, network, label, daemon,
 * plugin, scope, config, secret, node, service.
 */
import type { EngineEvent } from '../../../api/events';
import type { FilterArgs } from '../../../api/volume';
import { familiarName, parseNormalizedNamed, refName } from '../../../lib/reference';
import type { Engine } from '../../engine';

/** what streamEvents needs of an AbortSignal (the engine is compiled without the DOM lib) */
export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', fn: () => void): void;
  removeEventListener(type: 'abort', fn: () => void): void;
}

export interface EventsQuery {
  /** ms since the epoch; past events are replayed only when since or until is set */
  since?: number;
  /** ms since the epoch */
  until?: number;
  filters?: FilterArgs;
}

function matchAny(values: string[] | undefined, candidates: string[]): boolean {
  if (!values || values.length === 0) return true;
  return values.some((v) => candidates.some((c) => c !== '' && (c === v || c.startsWith(v))));
}

function imageNames(name: string | undefined): string[] {
  if (!name) return [];
  const out = [name];
  try {
    const ref = parseNormalizedNamed(name);
    out.push(familiarName(ref), refName(ref));
  } catch {
    // not a reference (an image ID): compare as is
  }
  return out;
}

/** moby events.Filter.Include */
export function eventMatches(e: EngineEvent, f: FilterArgs): boolean {
  const attrs = e.Actor.Attributes;
  if (f.type?.length && !f.type.includes(e.Type)) return false;
  if (f.event?.length && !f.event.some((x) => x === e.Action || e.Action.startsWith(`${x}:`))) return false;
  if (f.scope?.length && !f.scope.includes('local')) return false;
  if (f.label?.length) {
    for (const l of f.label) {
      const eq = l.indexOf('=');
      const k = eq < 0 ? l : l.slice(0, eq);
      if (!(k in attrs) || (eq >= 0 && attrs[k] !== l.slice(eq + 1))) return false;
    }
  }
  const byType: [string, EngineEvent['Type'], string[]][] = [
    ['container', 'container', [e.Actor.ID, attrs.name ?? '']],
    ['volume', 'volume', [e.Actor.ID]],
    ['network', 'network', [e.Actor.ID, attrs.name ?? '']],
    ['daemon', 'daemon', [e.Actor.ID, attrs.name ?? '']],
  ];
  for (const [key, type, cands] of byType) {
    if (!f[key]?.length) continue;
    if (e.Type !== type) return false;
    if (!matchAny(f[key], cands)) return false;
  }
  if (f.image?.length) {
    if (e.Type !== 'image' && e.Type !== 'container') return false;
    const cands = e.Type === 'image' ? [e.Actor.ID, ...imageNames(attrs.name)] : imageNames(attrs.image);
    if (!f.image.some((v) => cands.includes(v) || imageNames(v).some((n) => cands.includes(n)))) return false;
  }
  return true;
}

/** events already logged in [since, until] matching the filters */
export function pastEvents(engine: Pick<Engine, 'events'>, q: EventsQuery): EngineEvent[] {
  // dockerd does not validate event filter keys: an unknown one matches nothing special
  const f = q.filters ?? {};
  // no time range: live events only; an until alone replays from the start (moby SubscribeTopic)
  if (q.since === undefined && q.until === undefined) return [];
  const since = q.since ?? 0;
  return engine.events.list().filter((e) => e.timeNano / 1e6 >= since && (q.until === undefined || e.timeNano / 1e6 <= q.until) && eventMatches(e, f));
}

/**
 * Deliver matching events: the past ones, then live ones until `signal` aborts
 * or simulated time passes `until`. Resolves when the stream ends.
 */
export function streamEvents(engine: Pick<Engine, 'events' | 'clock'>, q: EventsQuery, onEvent: (e: EngineEvent) => void, signal?: StopSignal): Promise<void> {
  const f = q.filters ?? {};
  for (const e of pastEvents(engine, q)) onEvent(e);
  const now = engine.clock.now();
  if (q.until !== undefined && q.until <= now) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let cancelTimer: (() => void) | undefined;
    const unsubscribe = engine.events.subscribe((e) => {
      if (eventMatches(e, f)) onEvent(e);
    });
    const done = () => {
      unsubscribe();
      cancelTimer?.();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (q.until !== undefined) cancelTimer = engine.clock.setTimer(q.until - now, done);
    if (signal?.aborted) done();
    else signal?.addEventListener('abort', done);
  });
}
