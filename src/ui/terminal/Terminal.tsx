/**
 * The xterm.js terminal (the only place that imports @xterm/*): keys go to a
 * TerminalController, which runs lines in the host shell and writes the output.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { ProcessIO } from '../../api/io';
import { TerminalController } from './terminal-controller';

export interface TerminalProps {
  run(line: string, io: ProcessIO): Promise<number>;
  prompt(): string;
  /** lines printed before the first prompt */
  banner: string[];
  internalError: string;
  label: string;
}

export function Terminal(props: TerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new XTerm({
      cursorBlink: true,
      convertEol: false,
      fontFamily: '"DejaVu Sans Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace',
      fontSize: 14,
      // with a line height of 1 some monospace fonts draw '_' below the cell, where it is clipped
      lineHeight: 1.2,
      scrollback: 5000,
      theme: { background: '#1e1e1e', foreground: '#d4d4d4' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    try {
      fit.fit();
    } catch {
      // not laid out yet; the resize observer fits it later
    }
    const controller = new TerminalController({
      screen: { write: (s) => term.write(s), get cols() { return term.cols; } },
      run: (line, io) => latest.current.run(line, io),
      prompt: () => latest.current.prompt(),
      internalError: latest.current.internalError,
    });
    for (const line of latest.current.banner) term.write(`${line}\r\n`);
    controller.start();
    const sub = term.onData((d) => controller.key(d));
    const ro = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // element hidden
      }
    });
    ro.observe(el);
    term.focus();
    return () => {
      ro.disconnect();
      sub.dispose();
      term.dispose();
    };
  }, []);

  return <div className="terminal" ref={host} role="application" aria-label={props.label} />;
}
