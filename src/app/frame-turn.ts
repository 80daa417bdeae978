/**
 * How a busy shell loop gives way in the page once its time slice is used
 * (giveWayEvery's `turn`): until the next frame has been drawn, so every slice
 * of shell work is followed by a frame. A plain macrotask is not enough:
 * Chromium may run many of them back to back before it renders (frames of
 * 100 ms while 100 `docker run -d` ran).
 *
 * A hidden page draws no frames (requestAnimationFrame does not fire): there
 * the turn is a macrotask, and a frame that does not come within
 * FRAME_WAIT_MS (the page hidden meanwhile) ends the wait as well.
 */

const FRAME_WAIT_MS = 100;

export function frameTurn(): () => Promise<void> {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  const macrotask = (f: () => void) => {
    queue.push(f);
    channel.port2.postMessage(0);
  };
  return () =>
    new Promise<void>((resolve) => {
      if (document.visibilityState === 'hidden') {
        macrotask(resolve);
        return;
      }
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(finish, FRAME_WAIT_MS);
      // the frame's callbacks run before it is drawn: the macrotask after them runs once it is
      requestAnimationFrame(() => macrotask(finish));
    });
}
