/**
 * An exit status and the promise of it, the promise made only when someone
 * asks for it: a shell loop makes a process (an engine-side forked child, a
 * shell-side signal target) every round, and most are never awaited.
 * A base class rather than a member object, so nothing more is allocated per
 * process. Shared by src/engine/containers/process-launch.ts and
 * src/shell/runtime/signals.ts.
 */
export class LazyExit {
  /** the status once known */
  private exitStatus: number | undefined;
  private exitWaiting: Promise<number> | undefined;
  private resolveExit: ((status: number) => void) | undefined;

  /** resolves with the status: made at the first call (already resolved when the status is known) */
  protected exitPromise(): Promise<number> {
    if (this.exitWaiting === undefined) {
      const status = this.exitStatus;
      this.exitWaiting =
        status !== undefined
          ? Promise.resolve(status)
          : new Promise<number>((r) => {
              this.resolveExit = r;
            });
    }
    return this.exitWaiting;
  }

  /** the status is known: the promise, if made, resolves with it; the first status stays */
  protected settleExit(status: number): void {
    if (this.exitStatus !== undefined) return;
    this.exitStatus = status;
    this.resolveExit?.(status);
  }
}
