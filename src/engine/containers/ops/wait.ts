/**
 * POST /containers/{id}/wait?condition= : "not-running" (default) resolves
 * with the exit code once the container is not running (at once if it is
 * not), "next-exit" at its next exit, "removed" once it is removed.
 */
import type { Abortable } from '../abort';
import type { ContainerWaitResponse, WaitCondition } from '../../../api/container';
import { invalidParameter } from '../../../api/errors';
import type { Engine } from '../../engine';

export function waitContainer(engine: Engine, ref: string, condition: WaitCondition | '' = 'not-running', signal?: Abortable): Promise<ContainerWaitResponse> {
  if (condition !== '' && condition !== 'not-running' && condition !== 'next-exit' && condition !== 'removed') {
    throw invalidParameter(`invalid condition: "${condition}"`);
  }
  const c = engine.containers.resolve(ref);
  const cond = condition || 'not-running';
  if (cond === 'not-running' && !c.State.Running) return Promise.resolve({ StatusCode: c.State.ExitCode });
  return new Promise((resolve, reject) => {
    const done = (code: number) => {
      c.exitListeners.delete(onExit);
      c.removeListeners.delete(onRemove);
      resolve({ StatusCode: code });
    };
    const onExit = (code: number, final: boolean) => {
      if (cond === 'next-exit' || (cond === 'not-running' && final)) done(code);
    };
    const onRemove = () => done(c.State.ExitCode);
    c.exitListeners.add(onExit);
    if (cond === 'removed') c.removeListeners.add(onRemove);
    signal?.addEventListener(
      'abort',
      () => {
        c.exitListeners.delete(onExit);
        c.removeListeners.delete(onRemove);
        const e = new Error('context canceled');
        e.name = 'AbortError';
        reject(e);
      },
      { once: true },
    );
  });
}
