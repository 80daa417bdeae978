/** moby container.State: the status word and the human STATUS text (`Up 3 seconds`). */
import { humanDuration } from '../../lib/units';
import type { StateRecord, StateStatus } from './container-record';

/** State.StateString(): "created", "running", "paused", "restarting", "removing", "exited", "dead" */
export function stateStatus(s: StateRecord): StateStatus {
  if (s.Running) {
    if (s.Paused) return 'paused';
    if (s.Restarting) return 'restarting';
    return 'running';
  }
  if (s.RemovalInProgress) return 'removing';
  if (s.Dead) return 'dead';
  if (s.StartedAt === 0) return 'created';
  return 'exited';
}

/** State.String(): what STATUS shows in `docker ps` */
export function stateText(s: StateRecord, now: number): string {
  if (s.Running) {
    if (s.Paused) return `Up ${humanDuration(now - s.StartedAt)} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
    if (s.Health) return `Up ${humanDuration(now - s.StartedAt)} (${s.Health.Status === 'starting' ? 'health: starting' : s.Health.Status})`;
    return `Up ${humanDuration(now - s.StartedAt)}`;
  }
  if (s.RemovalInProgress) return 'Removal In Progress';
  if (s.Dead) return 'Dead';
  if (s.StartedAt === 0) return 'Created';
  if (s.FinishedAt === 0) return '';
  return `Exited (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
}
