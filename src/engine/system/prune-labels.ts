/**
 * The label / label! prune filters (moby daemon/prune.go matchLabels):
 * `label=k` / `label=k=v` must match, `label!=k` / `label!=k=v` must not.
 */
import type { FilterArgs } from '../../api/volume';
import { hasOwnKey, own } from '../../lib/own';

function matches(spec: string, labels: Record<string, string>): boolean {
  const eq = spec.indexOf('=');
  const k = eq < 0 ? spec : spec.slice(0, eq);
  if (!hasOwnKey(labels, k)) return false;
  return eq < 0 || labels[k] === spec.slice(eq + 1);
}

export function matchPruneLabels(filters: FilterArgs, labels: Record<string, string> | null | undefined): boolean {
  const l = labels ?? {};
  for (const spec of own(filters, 'label') ?? []) if (!matches(spec, l)) return false;
  for (const spec of own(filters, 'label!') ?? []) if (matches(spec, l)) return false;
  return true;
}
