/**
 * `docker run` and `docker start -a` attach to the container and ask to wait
 * for it before they start it: the docker CLI sends the start only once the
 * attach is hijacked, and the daemon answers a wait's headers once the
 * condition is registered. Through the protocol these are separate calls, and
 * each reaches the daemon on its own connection, so a start could overtake
 * them: the output of a short container would be lost, and a `--rm`
 * container gone before its wait was registered. Each attach and wait holds
 * this barrier from the moment it begins (the dispatcher begins calls in the
 * order they arrive) until the daemon has it; a start passes it first.
 */
export class StartBarrier {
  private readonly pending = new Set<Promise<void>>();

  /** hold the barrier; call the returned function once the daemon has the request (or it failed) */
  hold(): () => void {
    let release!: () => void;
    const p = new Promise<void>((r) => {
      release = r;
    });
    this.pending.add(p);
    return () => {
      this.pending.delete(p);
      release();
    };
  }

  /** wait for the holds already taken (at most `maxMs`: a start is never held forever) */
  async pass(maxMs = 10_000): Promise<void> {
    if (this.pending.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all([...this.pending]), new Promise<void>((r) => (timer = setTimeout(r, maxMs)))]);
    clearTimeout(timer);
  }
}
