/**
 * The top bar's view of the real-engine switch (src/client/remote/engine-mode.ts):
 * the composition root provides the controller; without one (tests, the
 * simulator alone) the switch stays disabled.
 */
import { createContext, type ReactNode, useContext, useEffect, useSyncExternalStore } from 'react';
import type { EngineModeController, EngineModeState } from '../../client/remote/engine-mode';

const Ctx = createContext<EngineModeController | undefined>(undefined);

export function EngineModeProvider({ controller, children }: { controller: EngineModeController; children: ReactNode }) {
  return <Ctx.Provider value={controller}>{children}</Ctx.Provider>;
}

const NONE: EngineModeState = { mode: 'simulator', status: 'unavailable' };
const noop = () => () => {};

export function useEngineMode(): { state: EngineModeState; controller: EngineModeController | undefined } {
  const controller = useContext(Ctx);
  const state = useSyncExternalStore(controller?.subscribe ?? noop, controller?.getState ?? (() => NONE));
  useEffect(() => {
    if (!controller) return;
    // a server may come up later: look again now and then while on the simulator
    const timer = setInterval(() => void controller.refresh(), 30_000);
    return () => clearInterval(timer);
  }, [controller]);
  return { state, controller };
}
