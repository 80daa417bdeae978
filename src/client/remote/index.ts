/** The browser's path to a real engine through the Dockyard server (src/server). */
export { type ConnectOptions, connectRemote, type EngineStatus, fetchEngineStatus, PROTOCOL, type RemoteEngine } from './connection';
export { EngineModeController, type EngineModeState, type EngineModeStatus } from './engine-mode';
export { bindSources, packPath, WorkspaceSync } from './workspace-sync';
