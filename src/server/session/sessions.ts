/**
 * Sessions: each has an unguessable token (32 random bytes), an engine from
 * the launcher, the policy its requests are built under, and its workspace.
 * A session with no connection for `idleMs` is ended (its engine stopped and
 * everything it had removed); so is one whose learner ends it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EngineClient } from '../../client/engine-client';
import type { DaemonControlApi } from '../../client/protocol/daemon-api';
import type { WorkspaceApi } from '../../client/protocol/workspace-api';
import { createEngineClient } from '../engine';
import { EngineTransport } from '../engine/transport';
import type { EngineHandle, Launcher } from '../launcher/launcher';
import { newSessionId } from '../launcher/local-dockerd';
import { type ContainerLimits, DEFAULT_CONTAINER_LIMITS, DEFAULT_SESSION_CAPS, type SessionCaps } from '../policy/limits';
import { WorkspacePaths } from '../policy/workspace-paths';
import { daemonControl } from './daemon-control';
import { createWorkspace } from './workspace';

export interface Session {
  id: string;
  token: string;
  handle: EngineHandle;
  backend: EngineClient & WorkspaceApi & DaemonControlApi;
  lastSeen: number;
  connections: number;
}

export interface SessionManagerOptions {
  launcher: Launcher;
  maxSessions: number;
  idleMs: number;
  limits?: ContainerLimits;
  caps?: SessionCaps;
  /** bytes of the learner's files a workspace may hold */
  workspaceBytes?: number;
  /** a daemon per session: the configuration the server starts them with (the learner's daemon.json goes on top) */
  daemonConfig?: Record<string, unknown>;
}

export class SessionManager {
  private readonly sessions = new Map<string, Session>();
  private readonly endListeners: ((id: string) => void)[] = [];
  private starting = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly o: SessionManagerOptions) {
    this.sweeper = setInterval(() => void this.sweep(), Math.min(60_000, Math.max(1000, o.idleMs / 4)));
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  async create(): Promise<Session> {
    if (this.sessions.size + this.starting >= this.o.maxSessions) throw new Error('the server has no room for another session now');
    this.starting++;
    try {
      // a launcher with pre-started engines hands out one of its own, under its id
      const handle = await this.o.launcher.start(newSessionId());
      const id = handle.sessionId;
      const paths = new WorkspacePaths(`${handle.workspace}/host`);
      // the learner's CLI knows its daemon as /var/run/docker.sock
      const t = new EngineTransport(handle.address, handle.mode === 'daemon' ? 'unix:///var/run/docker.sock' : undefined);
      const policy = {
        mode: handle.mode,
        sessionId: id,
        paths,
        limits: this.o.limits ?? DEFAULT_CONTAINER_LIMITS,
        caps: this.o.caps ?? DEFAULT_SESSION_CAPS,
        ownsContainer: async () => true,
      };
      const backend = {
        ...createEngineClient(t, policy, handle.hostNetwork),
        ...createWorkspace(paths, this.o.workspaceBytes ?? 256 * 1024 * 1024),
        ...daemonControl(this.o.launcher, id, handle.mode === 'daemon' ? this.o.daemonConfig : undefined),
      };
      const s: Session = { id, token: randomBytes(32).toString('base64url'), handle, backend, lastSeen: Date.now(), connections: 0 };
      this.sessions.set(id, s);
      return s;
    } finally {
      this.starting--;
    }
  }

  /** the session a token belongs to, or undefined (compared in constant time) */
  byToken(token: string | undefined): Session | undefined {
    if (!token || token.length > 100) return undefined;
    const given = Buffer.from(token);
    for (const s of this.sessions.values()) {
      const mine = Buffer.from(s.token);
      if (mine.length === given.length && timingSafeEqual(mine, given)) return s;
    }
    return undefined;
  }

  /** told when a session ends (its connections are closed there) */
  onEnd(listener: (id: string) => void): void {
    this.endListeners.push(listener);
  }

  touch(s: Session): void {
    s.lastSeen = Date.now();
  }

  async end(id: string): Promise<void> {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    if (!s) return;
    for (const l of this.endListeners) l(id);
    await this.o.launcher.stop(id);
  }

  async sweep(now = Date.now()): Promise<string[]> {
    const ended: string[] = [];
    for (const s of [...this.sessions.values()]) {
      if (s.connections === 0 && now - s.lastSeen > this.o.idleMs) {
        await this.end(s.id);
        ended.push(s.id);
      }
    }
    return ended;
  }

  async endAll(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await Promise.all([...this.sessions.keys()].map((id) => this.end(id)));
  }
}
