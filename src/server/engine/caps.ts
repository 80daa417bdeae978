/**
 * The session's caps: before each create the server counts what the session
 * has on its engine (local mode: what carries its label) and refuses past the
 * cap; disk is `system df`'s images + containers + volumes.
 */
import { refuse } from '../policy/refusal';
import { type EngineContext, filtersParam } from './engine-context';
import { sessionFilters } from './ownership';

export type CapKind = 'container' | 'volume' | 'network' | 'image';

interface Df {
  LayersSize?: number;
  Containers?: { SizeRw?: number }[] | null;
  Volumes?: { UsageData?: { Size?: number } | null }[] | null;
}

export async function checkCaps(ctx: EngineContext, kind: CapKind): Promise<void> {
  const { t, policy } = ctx;
  const caps = policy.caps;
  const f = (extra?: Record<string, string[]>) => filtersParam(sessionFilters(policy, extra));
  if (kind === 'container') {
    const n = (await t.json<unknown[]>('GET', '/containers/json', { query: { all: '1', filters: f() } })).length;
    if (n >= caps.containers) refuse(`more than ${caps.containers} containers in one session`);
  } else if (kind === 'volume') {
    const n = ((await t.json<{ Volumes: unknown[] | null }>('GET', '/volumes', { query: { filters: f() } })).Volumes ?? []).length;
    if (n >= caps.volumes) refuse(`more than ${caps.volumes} volumes in one session`);
  } else if (kind === 'network') {
    const all = await t.json<{ Name: string }[]>('GET', '/networks', { query: { filters: f() } });
    const n = all.filter((x) => !['bridge', 'host', 'none'].includes(x.Name)).length;
    if (n >= caps.networks) refuse(`more than ${caps.networks} networks in one session`);
  } else {
    const n = (await t.json<unknown[]>('GET', '/images/json')).length;
    if (n >= caps.images) refuse(`more than ${caps.images} images in one session`);
  }
  if (kind === 'network') return;
  const df = await t.json<Df>('GET', '/system/df');
  const used =
    (df.LayersSize ?? 0) +
    (df.Containers ?? []).reduce((s, c) => s + (c.SizeRw ?? 0), 0) +
    (df.Volumes ?? []).reduce((s, v) => s + Math.max(0, v.UsageData?.Size ?? 0), 0);
  if (used >= caps.disk) refuse(`more than ${Math.round(caps.disk / 1024 / 1024)} MiB of disk in one session`);
}
