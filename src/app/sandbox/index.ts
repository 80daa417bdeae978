/** The web app's sandboxes: sessions over the simulator, their snapshots, the factory the store uses. */
export { createSandboxSession, type LocalSandboxSession, type SandboxSessionOptions } from './create-session';
export { createSandboxFactory, type LocalSandboxFactory, type SandboxFactoryOptions } from './factory';
export { checkSandboxData, type SandboxData } from './sandbox-data';
