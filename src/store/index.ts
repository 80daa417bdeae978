/** The web app's state: see contract.ts (what the UI uses) and create-store.ts (how to make the store). */
export type * from './contract';
export { createSandboxStore, openSandboxStore, type PersistedSandbox, type SandboxStoreApi, type SandboxStoreDeps } from './create-store';
export { idbKeyValueStore, type KeyValueStore } from './idb-storage';
export type { ManagedSession, SandboxBlobs, SandboxFactory, SessionSnapshot } from './session-factory';
export { SANDBOX_FILE_FORMAT, SANDBOX_FILE_VERSION } from './sandbox-file';
