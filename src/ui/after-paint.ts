/**
 * Runs `fn` once the page has drawn its next frame (a task after that frame's
 * animation-frame callbacks), so work that is not on screen (saving the
 * terminal's screen, re-reading the engine) does not hold back a frame that
 * shows what the learner waits for (the prompt after a Ctrl-C). A hidden page
 * draws no frames: there, and if no frame comes within WAIT_MS, it runs anyway.
 */

const WAIT_MS = 100;

export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || (typeof document !== 'undefined' && document.visibilityState === 'hidden')) {
    setTimeout(fn, 0);
    return;
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(run, WAIT_MS);
  requestAnimationFrame(() => setTimeout(run, 0));
}
