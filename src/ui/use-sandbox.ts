/**
 * The UI's way into the sandbox store (src/store): <SandboxProvider store={…}>
 * around the app, then useSandbox(selector) in components, re-rendering when
 * the selected value changes (Object.is; select single fields or actions).
 */
import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { SandboxStore } from '../store/contract';
import type { SandboxStoreApi } from '../store/create-store';

const StoreContext = createContext<SandboxStoreApi | undefined>(undefined);

export function SandboxProvider({ store, children }: { store: SandboxStoreApi; children?: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** the store itself (getState() in event handlers, subscribe) */
export function useSandboxStore(): SandboxStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSandbox: no <SandboxProvider store={…}> above this component');
  return store;
}

export function useSandbox<T>(selector: (s: SandboxStore) => T): T {
  return useStore(useSandboxStore(), selector);
}
