import type { EngineEvent } from '../../api/events';

type Listener = (e: EngineEvent) => void;

/** Every event the daemon emitted, in order, plus live subscribers (docker events). */
export class EventLog {
  private readonly events: EngineEvent[] = [];
  private readonly listeners = new Set<Listener>();
  /** oldest events are dropped past this many, like the daemon's ring buffer (256 in moby; we keep more) */
  private readonly limit = 2048;

  emit(
    nowMs: number,
    type: EngineEvent['Type'],
    action: string,
    id: string,
    attributes: Record<string, string> = {},
  ): EngineEvent {
    const e: EngineEvent = {
      Type: type,
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      scope: 'local',
      time: Math.floor(nowMs / 1000),
      timeNano: nowMs * 1_000_000,
    };
    if (type === 'container' || type === 'image') {
      e.status = action;
      e.id = id;
      if (attributes.image) e.from = attributes.image;
    }
    this.events.push(e);
    if (this.events.length > this.limit) this.events.shift();
    for (const l of this.listeners) l(e);
    return e;
  }

  list(): readonly EngineEvent[] {
    return this.events;
  }

  /** replace the recorded events (restoring a sandbox snapshot); subscribers are not told */
  load(events: readonly EngineEvent[]): void {
    this.events.length = 0;
    this.events.push(...events.slice(-this.limit));
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
