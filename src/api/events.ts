/** An event as GET /events streams it (API 1.41). */
export interface EngineEvent {
  Type: 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'plugin' | 'service' | 'node' | 'secret' | 'config';
  /** "create", "start", "die", "pull", "tag", "untag", "delete", "mount", "connect", … */
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: 'local';
  /** seconds */
  time: number;
  timeNano: number;
  /** legacy fields docker still sends for containers/images */
  status?: string;
  id?: string;
  from?: string;
}
