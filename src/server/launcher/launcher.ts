/**
 * Sessions' engines are started by a launcher behind this small interface.
 * The built-in ones: LocalDockerdLauncher (a dockerd per session on this
 * machine, in a network namespace of its own) and HostDaemonLauncher (--local:
 * every session on the host's daemon, labelled). A launcher for another
 * platform (a pod per session) implements the same four calls.
 */
import type { HostNetwork } from '../../api/net';
import type { EngineAddress } from '../engine/transport';

export interface EngineHandle {
  sessionId: string;
  /** where the session's engine listens */
  address: EngineAddress;
  /** 'daemon': the engine is the session's own; 'local': shared, labelled */
  mode: 'daemon' | 'local';
  /** the session's workspace on the server's disk (bind sources live under <workspace>/host) */
  workspace: string;
  /** the learner's `curl localhost:PORT` reaches the session's published ports through this */
  hostNetwork: HostNetwork;
  /** ms from start() to an engine that answers */
  startMs: number;
}

export interface EngineHealth {
  ok: boolean;
  /** the engine's version when it answers */
  version?: string;
  error?: string;
}

export interface Launcher {
  /**
   * an engine for a new session; a launcher with pre-started engines may hand out one of its
   * own, under that engine's id: the session is known by the handle's sessionId from then on
   */
  start(sessionId: string): Promise<EngineHandle>;
  /** stop the engine and remove everything the session left (data root, workspace, namespace) */
  stop(sessionId: string): Promise<void>;
  health(sessionId: string): Promise<EngineHealth>;
  /** sessions this launcher has running */
  list(): Promise<string[]>;
  /** remove what earlier runs left behind (a server that crashed); returns what it removed */
  removeOrphans(): Promise<string[]>;
  /** on server stop: stop what the launcher holds besides sessions (pre-started engines) */
  close?(): Promise<void>;
  /** a daemon per session: stop it as `systemctl stop docker` does, keeping its data */
  stopDaemon?(sessionId: string): Promise<void>;
  /** a daemon per session: start it again with this daemon.json; whether it answers, and its log */
  startDaemon?(sessionId: string, config: Record<string, unknown>): Promise<{ ok: boolean; log: string[] }>;
}
