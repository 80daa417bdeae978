/**
 * What the web benchmark measures inside the page. Each function is passed to
 * page.evaluate / addInitScript, so it is self-contained (no imports, no
 * closures over this module).
 */

declare global {
  interface Window {
    /** performance.now() when the prompt first appeared in the terminal (set by promptWatch) */
    __promptAt?: number;
    /** performance.now() of the last keydown (set by echoArm's listener) */
    __keyAt?: number;
    __echo?: Promise<number>;
    __frames?: number[];
    __framesOn?: boolean;
  }
}

/**
 * Init script: the time (ms since navigation start) when the prompt first
 * shows in the terminal's rendered rows.
 */
export function promptWatch(): void {
  const seen = () => {
    const rows = document.querySelector('.xterm-rows');
    return rows !== null && (rows.textContent ?? '').includes('learner@dockyard:~$');
  };
  const mo = new MutationObserver(() => {
    if (window.__promptAt === undefined && seen()) {
      window.__promptAt = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Before a key press: resolve window.__echo with the time from that keydown
 * until the active terminal's rows contain `expected`.
 */
export function echoArm(expected: string): void {
  if (!window.__keyAt) {
    window.addEventListener('keydown', () => (window.__keyAt = performance.now()), true);
  }
  window.__keyAt = 0;
  const rows = document.querySelector('.terminal:not([hidden]) .xterm-rows');
  window.__echo = new Promise((resolve, reject) => {
    if (!rows) {
      reject(new Error('no terminal rows'));
      return;
    }
    const has = () => (rows.textContent ?? '').replace(/\u00a0/g, ' ').includes(expected);
    const mo = new MutationObserver(() => {
      if (window.__keyAt && has()) {
        mo.disconnect();
        resolve(performance.now() - (window.__keyAt ?? 0));
      }
    });
    mo.observe(rows, { subtree: true, childList: true, characterData: true });
  });
}

export function echoResult(): Promise<number> | undefined {
  return window.__echo;
}

/**
 * starts recording the time of every animation frame; resolves once two
 * frames are recorded (a key pressed before the first frame would start a
 * long task the recording never sees the beginning of)
 */
export function framesStart(): Promise<void> {
  window.__frames = [];
  window.__framesOn = true;
  return new Promise((resolve) => {
    const tick = (t: number) => {
      if (!window.__framesOn) return;
      window.__frames?.push(t);
      if (window.__frames?.length === 2) resolve();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * stops recording after one more frame (the one that ends a long block of
 * the main thread); the frame intervals in ms
 */
export async function framesStop(): Promise<number[]> {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  window.__framesOn = false;
  const f = window.__frames ?? [];
  const out: number[] = [];
  for (let i = 1; i < f.length; i++) out.push((f[i] as number) - (f[i - 1] as number));
  return out;
}
