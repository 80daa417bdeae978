/**
 * What the web benchmark measures inside the page. Each function is passed to
 * page.evaluate / addInitScript, so it is self-contained (no imports, no
 * closures over this module).
 */

declare global {
  interface Window {
    /** the animation frame (performance.now()) in which the prompt was drawn and the terminal had the focus (readyWatch) */
    __readyAt?: number;
    /** performance.memory.usedJSHeapSize in that frame */
    __heapAtReady?: number;
    /** performance.now() of the Ctrl-C keydown and of the frame the prompt was back in (ctrlCArm) */
    __ctrlCAt?: number;
    __promptBackAt?: number;
    /** the frames begun after the Ctrl-C up to the one that drew the prompt */
    __ctrlCFrames?: number;
    /** performance.now() of the last keydown (set by echoArm's listener) */
    __keyAt?: number;
    __echo?: Promise<number>;
    __frames?: number[];
    __framesOn?: boolean;
  }
}

/**
 * Init script: the ready moment, read once per animation frame: the prompt
 * drawn in the terminal's rows and the keyboard focus in its textarea (keys
 * typed from then on go to the terminal); with the JS heap in use then.
 */
export function readyWatch(): void {
  const tick = () => {
    const focused = document.activeElement?.classList.contains('xterm-helper-textarea') ?? false;
    const rows = document.querySelector('.xterm-rows');
    if (focused && rows !== null && (rows.textContent ?? '').includes('learner@dockyard:~$')) {
      window.__readyAt = performance.now();
      window.__heapAtReady = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Before a Ctrl-C: note its keydown, then watch the active terminal's rows
 * (a MutationObserver, as for key-to-echo) for the prompt back on the last
 * row. xterm writes its rows in its animation-frame callback, and the frame
 * is painted right after those callbacks: __promptBackAt is the moment the
 * prompt's row is written into the page, in the frame that paints it (not the
 * start of the next frame, when a read in requestAnimationFrame would see
 * it). __ctrlCFrames counts the frames begun after the key up to that one
 * (1: the prompt is in the first frame after the key).
 */
export function ctrlCArm(): void {
  window.__ctrlCAt = undefined;
  window.__promptBackAt = undefined;
  window.__ctrlCFrames = undefined;
  const stamps: number[] = [];
  const count = (t: number) => {
    stamps.push(t);
    if (window.__promptBackAt === undefined) requestAnimationFrame(count);
  };
  // the Control keydown comes first: wait for the C
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'c' || !e.ctrlKey) return;
    window.__ctrlCAt = performance.now();
    window.removeEventListener('keydown', onKey, true);
    requestAnimationFrame(count);
  };
  window.addEventListener('keydown', onKey, true);
  const screen = document.querySelector('.terminal:not([hidden]) .xterm-rows');
  if (!screen) throw new Error('no terminal rows');
  const mo = new MutationObserver(() => {
    if (window.__ctrlCAt === undefined) return;
    const rows = [...screen.children].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim());
    const last = rows.filter((r) => r !== '').pop() ?? '';
    if (!/^learner@dockyard:[^$#]*[$#]$/.test(last)) return;
    window.__promptBackAt = performance.now();
    mo.disconnect();
    // the frame being drawn now: its time is the animation timeline's
    const frame = Number(document.timeline.currentTime ?? Number.NaN);
    window.__ctrlCFrames = stamps.filter((t) => t <= frame + 0.5).length || (stamps.length === 0 ? 1 : Number.NaN);
  });
  mo.observe(screen, { childList: true, subtree: true, characterData: true });
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
  // the app's active terminal, or the bare page's only one
  const rows = document.querySelector('.terminal:not([hidden]) .xterm-rows') ?? document.querySelector('.xterm-rows');
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
