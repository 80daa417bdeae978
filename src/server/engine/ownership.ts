/**
 * Local mode: the host's daemon is shared, so every container, volume and
 * network the session makes carries its label, and an object without it is
 * "No such …" to the session. A session with a daemon of its own owns
 * everything on it.
 */
import { DaemonError } from '../../api/errors';
import { SESSION_LABEL, type SessionPolicy } from '../policy/session-policy';
import { seg } from './engine-context';
import type { EngineTransport } from './transport';

export async function containerOwned(t: EngineTransport, policy: SessionPolicy, ref: string): Promise<boolean> {
  if (policy.mode === 'daemon') return true;
  try {
    const c = await t.json<{ Config?: { Labels?: Record<string, string> | null } }>('GET', `/containers/${seg(ref)}/json`);
    return c?.Config?.Labels?.[SESSION_LABEL] === policy.sessionId;
  } catch {
    return false;
  }
}

/** throw the daemon's own "No such container" for a container of another session */
export async function assertContainer(t: EngineTransport, policy: SessionPolicy, ref: string): Promise<void> {
  if (policy.mode === 'daemon') return;
  if (!(await containerOwned(t, policy, ref))) throw new DaemonError('NotFound', `No such container: ${ref}`);
}

export async function assertLabelled(t: EngineTransport, policy: SessionPolicy, kind: 'volume' | 'network', ref: string): Promise<void> {
  if (policy.mode === 'daemon') return;
  const path = kind === 'volume' ? `/volumes/${seg(ref)}` : `/networks/${seg(ref)}`;
  let labels: Record<string, string> | null | undefined;
  try {
    labels = (await t.json<{ Labels?: Record<string, string> | null }>('GET', path))?.Labels;
  } catch {
    labels = undefined;
  }
  const builtin = kind === 'network' && ['bridge', 'host', 'none'].includes(ref);
  if (!builtin && labels?.[SESSION_LABEL] !== policy.sessionId) {
    throw new DaemonError('NotFound', kind === 'volume' ? `get ${ref}: no such volume` : `network ${ref} not found`);
  }
}

/** filters with the session's label added (local mode) */
export function sessionFilters(policy: SessionPolicy, f: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (policy.mode === 'daemon') return f;
  return { ...(f ?? {}), label: [...(f?.label ?? []), `${SESSION_LABEL}=${policy.sessionId}`] };
}

export function sessionLabels(policy: SessionPolicy, labels: Record<string, string> | undefined): Record<string, string> | undefined {
  if (policy.mode === 'daemon') return labels;
  return { ...(labels ?? {}), [SESSION_LABEL]: policy.sessionId };
}
