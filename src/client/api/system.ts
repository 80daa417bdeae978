/**
 * System endpoints (moby client): Info, ServerVersion, DiskUsage, Events,
 * Ping. Every method rejects with ClientError.
 */
import type { EngineEvent } from '../../api/events';
import type { DiskUsage, EventsOptions, ServerVersion, SystemInfo } from '../../api/system';

export interface SystemApi {
  /** GET /info */
  info(): Promise<SystemInfo>;
  /** GET /version */
  serverVersion(): Promise<ServerVersion>;
  /** GET /system/df */
  diskUsage(): Promise<DiskUsage>;
  /**
   * GET /events: calls onEvent for each event; resolves when the stream ends
   * (`until` reached) or `signal` aborts. since/until take what the CLI does:
   * Unix seconds, RFC 3339, or a duration ("10m") counted back from now.
   */
  events(options: EventsOptions, onEvent: (e: EngineEvent) => void, signal?: AbortSignal): Promise<void>;
  /** GET /_ping: "OK" */
  ping(): Promise<string>;
}
