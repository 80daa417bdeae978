/**
 * One xterm.js terminal (src/ui/terminal is the only place that imports
 * @xterm/*): keys go to a TerminalController, which runs lines in this
 * terminal's host shell (`session.run(id, …)`) and writes the output. Adds
 * fit, Unicode 11 widths (Chinese takes two columns), clickable links,
 * search, copy-on-select, Ctrl+Shift+C/V and right-click paste, and the
 * screen's persistence (serialize addon) through the store. The active
 * terminal's view takes over the page's first terminal (boot-terminal.ts):
 * the same xterm instance, its screen, and the keys typed before the app was up.
 */
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { SerializeAddon } from '@xterm/addon-serialize';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { shortcutFor } from '../layout/shortcuts';
import { afterPaint } from '../after-paint';
import { useSandbox } from '../use-sandbox';
import { useT } from '../use-t';
import { canReadClipboard, copyText, readClipboard } from './clipboard';
import { complete } from './completion/complete';
import { sessionSource } from './completion/session-source';
import { pastedPromptSign } from './hints';
import { fmt } from '../i18n';
import { restoreSequence } from './persistence';
import { planResume } from './resume';
import { adoptBootTerminal } from './boot-terminal';
import { registerTerminal } from './terminal-registry';
import { parseNow } from './parse-now';
import { TerminalController } from './terminal-controller';
import { SEARCH_DECORATIONS, TERMINAL_OPTIONS } from './xterm-theme';

export interface TerminalViewProps {
  id: string;
  label: string;
  /** the tab shown now */
  active: boolean;
  /** a link in the output was clicked */
  onLink(uri: string): void;
  /** a short message for the learner (paste blocked…) */
  onNotice(text: string): void;
  /** Ctrl+Shift+F */
  onFind(): void;
}

/** lines of scrollback kept when the screen is saved */
const SAVED_SCROLLBACK = 1000;
/** the screen is saved once the output paused this long… */
const SAVE_QUIET_MS = 2000;
/** …or this long after the first write not saved, whichever comes first */
const SAVE_MAX_MS = 10_000;

export function TerminalView({ id, label, active, onLink, onNotice, onFind }: TerminalViewProps) {
  const t = useT();
  const session = useSandbox((s) => s.session);
  const commandFinished = useSandbox((s) => s.commandFinished);
  const saveScrollback = useSandbox((s) => s.saveScrollback);
  const commandStarted = useSandbox((s) => s.commandStarted);
  const saved = useSandbox((s) => s.scrollback[id]);
  const runningAtSave = useSandbox((s) => s.runningCommands[id]);
  const attachedAtSave = useSandbox((s) => s.runningAttached[id]);
  const typed = useSandbox((s) => s.typed);

  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ t, session, commandFinished, saveScrollback, commandStarted, onLink, onNotice, onFind });
  latest.current = { t, session, commandFinished, saveScrollback, commandStarted, onLink, onNotice, onFind };
  const initial = useRef({ saved, runningAtSave, attachedAtSave, active });
  const ctl = useRef<{ controller: TerminalController; term: XTerm; fit: FitAddon } | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const { saved: restored, runningAtSave: wasRunning, attachedAtSave, active: shownFirst } = initial.current;
    // the page's first terminal, when it stands for this one: its screen is what this view would draw
    const boot = shownFirst ? adoptBootTerminal(id, el, (s) => s.saved === restored && s.running === wasRunning) : undefined;
    const term = boot?.term ?? new XTerm(TERMINAL_OPTIONS);
    const fit = boot?.fit ?? new FitAddon();
    const search = new SearchAddon();
    const serialize = new SerializeAddon();
    if (!boot) term.loadAddon(fit);
    term.loadAddon(search);
    term.loadAddon(serialize);
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    term.loadAddon(new WebLinksAddon((event, uri) => {
      event.preventDefault();
      latest.current.onLink(uri);
    }));
    if (!boot) term.open(el);
    const refit = () => {
      try {
        if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
      } catch {
        // not laid out yet
      }
    };
    refit();

    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    /** the first and the last write not saved yet */
    let dirtySince = 0;
    let lastWrite = 0;
    const saveNow = () => {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      latest.current.saveScrollback(id, serialize.serialize({ scrollback: SAVED_SCROLLBACK }));
    };
    // serializing the screen costs tens of ms with a full scrollback: while output flows (a loop of
    // docker run -d) it is saved once the output pauses, at the latest SAVE_MAX_MS after it began
    const saveWhenQuiet = () => {
      const now = performance.now();
      const wait = Math.min(lastWrite + SAVE_QUIET_MS, dirtySince + SAVE_MAX_MS) - now;
      if (wait <= 0) saveNow();
      else saveTimer = setTimeout(saveWhenQuiet, wait);
    };
    const saveSoon = () => {
      lastWrite = performance.now();
      if (saveTimer !== undefined) return;
      dirtySince = lastWrite;
      saveTimer = setTimeout(saveWhenQuiet, SAVE_QUIET_MS);
    };

    const controller = new TerminalController({
      screen: {
        write: (s) => {
          term.write(s);
          saveSoon();
        },
        get cols() {
          return term.cols;
        },
        parseNow: () => parseNow(term),
      },
      run: (line, io) => latest.current.session.run(id, line, io),
      prompt: () => latest.current.session.prompt(id),
      internalError: () => latest.current.t.internalError,
      hint: (line, status) => (pastedPromptSign(line, status) ? latest.current.t.dropPromptSign : undefined),
      complete: (line, cursor) => complete(line, cursor, sessionSource(latest.current.session, id)),
      onStart: (line) => latest.current.commandStarted(id, line),
      // drawn: parsed by xterm (which may wait for a timer of its own), then the frame after that
      promptShown: () => new Promise<void>((resolve) => term.write('', () => afterPaint(resolve))),
      onFinish: (line, status) => {
        latest.current.commandFinished(id, line, status);
        // the screen after the command (with the new prompt) is what a reload shows
        term.write('', saveNow);
      },
    });
    ctl.current = { controller, term, fit };

    /** the command that ran when the page went away: attach again, run it again if it only looks, or say it ended */
    const resume = async (line: string) => {
      const plan = await planResume(line, attachedAtSave, latest.current.session.client);
      const t = latest.current.t;
      const note = (text: string) => term.write(`${term.buffer.active.cursorX === 0 ? '' : '\r\n'}\x1b[2m${text}\x1b[0m\r\n`);
      if (plan.kind === 'attach') {
        note(fmt(t.reattaching, { name: plan.container }));
        void controller.resume(`docker attach ${plan.container}`);
      } else if (plan.kind === 'rerun') {
        note(t.rerunning);
        void controller.execute(line);
      } else {
        note(t.endedWithPage);
        latest.current.commandFinished(id, line, 130);
        controller.start();
      }
    };
    // keys typed before the app was up (the boot terminal held them, and any typed until the
    // prompt is drawn): played in order once it is
    let held: string | null = boot ? boot.release() : null;
    const playHeld = () => {
      const keys = held;
      held = null;
      if (keys) controller.key(keys);
    };
    if (boot && !boot.screenMatches) term.reset();
    if (boot?.screenMatches) {
      // the screen is there; the boot terminal's prompt row was erased: draw the shell's own
      if (wasRunning === undefined) controller.start();
      else void resume(wasRunning);
      playHeld();
    } else if (restored) {
      term.write(restoreSequence(restored, wasRunning !== undefined), () => {
        if (wasRunning === undefined) controller.start();
        else void resume(wasRunning);
        playHeld();
      });
    } else {
      for (const line of latest.current.t.welcome) term.write(`${line}\r\n`);
      if (wasRunning !== undefined) void resume(wasRunning);
      else controller.start();
      playHeld();
    }

    const subs = [
      term.onData((d) => {
        if (held !== null) held += d;
        else controller.key(d);
      }),
      term.onResize(({ cols }) => controller.resize(cols)),
      term.onSelectionChange(() => {
        const s = term.getSelection();
        if (s) void copyText(s);
      }),
    ];
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return !shortcutFor(e);
      if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyC') {
        e.preventDefault();
        void copyText(term.getSelection());
        return false;
      }
      if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyF') {
        e.preventDefault();
        latest.current.onFind();
        return false;
      }
      // Ctrl+Shift+V: the browser's own paste event reaches xterm's textarea
      if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyV') return false;
      // the app's shortcuts go to the page
      return !shortcutFor(e);
    });
    const onContextMenu = (e: MouseEvent) => {
      if (!canReadClipboard()) return; // the browser's menu has Paste
      e.preventDefault();
      void readClipboard().then((text) => {
        if (text === undefined) latest.current.onNotice(latest.current.t.pasteBlocked);
        else if (text) term.paste(text);
        term.focus();
      });
    };
    el.addEventListener('contextmenu', onContextMenu);
    const ro = new ResizeObserver(refit);
    ro.observe(el);
    const onHide = () => {
      if (saveTimer !== undefined) saveNow();
    };
    window.addEventListener('pagehide', onHide);

    const unregister = registerTerminal(id, {
      type: (text) => {
        controller.type(text);
        term.focus();
      },
      keys: (data) => {
        controller.key(data);
        term.focus();
      },
      execute: (line) => {
        term.focus();
        return controller.execute(line);
      },
      focus: () => term.focus(),
      get running() {
        return controller.running;
      },
      find: (text, back) =>
        back
          ? search.findPrevious(text, { decorations: SEARCH_DECORATIONS })
          : search.findNext(text, { decorations: SEARCH_DECORATIONS }),
      clearFind: () => {
        search.clearDecorations();
        term.clearSelection();
      },
    });

    return () => {
      unregister();
      window.removeEventListener('pagehide', onHide);
      clearTimeout(saveTimer);
      el.removeEventListener('contextmenu', onContextMenu);
      ro.disconnect();
      for (const s of subs) s.dispose();
      ctl.current = null;
      term.dispose();
    };
  }, [id]);

  // the store's typeInTerminal (the editor's Build button): type it once per request
  const seenTyped = useRef(typed?.seq);
  useEffect(() => {
    if (!typed || typed.seq === seenTyped.current) return;
    seenTyped.current = typed.seq;
    if (typed.terminalId !== id) return;
    ctl.current?.controller.type(typed.text);
    ctl.current?.term.focus();
  }, [typed, id]);

  // another sandbox (undo, redo, reset, import): a running command belonged to the old one
  const firstSession = useRef(session);
  useEffect(() => {
    if (session === firstSession.current) return;
    firstSession.current = session;
    const c = ctl.current?.controller;
    if (!c) return;
    if (c.running) c.abandon();
    else c.refreshPrompt();
  }, [session]);

  useEffect(() => {
    const c = ctl.current;
    if (!active || !c) return;
    const raf = requestAnimationFrame(() => {
      try {
        c.fit.fit();
      } catch {
        // hidden
      }
    });
    return () => cancelAnimationFrame(raf);
  }, [active]);

  return (
    <div
      className="terminal"
      ref={host}
      role="tabpanel"
      id={`terminal-panel-${id}`}
      aria-labelledby={`terminal-tab-${id}`}
      data-label={label}
      hidden={!active}
      data-terminal-id={id}
    />
  );
}
