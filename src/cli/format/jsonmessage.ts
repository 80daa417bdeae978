/**
 * docker/cli's rendering of a JSONMessage stream (moby pkg/jsonmessage
 * DisplayJSONMessagesStream): on a terminal, lines with an id and progress are
 * redrawn in place (ESC[nA, ESC[2K, \r, ESC[nB); without one, progress bars are
 * dropped and every status is its own line.
 */
import type { OutputStream } from '../../api/io';
import type { JSONMessage, JSONProgress } from '../../api/jsonmessage';
import { humanSize } from '../../lib/units';

/** a stream error: the CLI prints `message` as is */
export class JSONMessageError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'JSONMessageError';
  }
}

const pad8 = (s: string) => s.padStart(8, ' ');

/** JSONProgress.String(): "[=====>      ]  3.015MB/3.298MB" (bar only when wider than 110 columns) */
export function progressString(p: JSONProgress | undefined, width: number): string {
  if (!p) return '';
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return p.units ? `${current} ${p.units}` : pad8(humanSize(current));
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = '';
  if (p.hidecounts) numbers = '';
  else if (!p.units) {
    numbers = `${pad8(humanSize(current))}/${humanSize(total)}`;
    if (current > total) numbers = pad8(humanSize(current));
  } else {
    numbers = `${current}/${total} ${p.units}`;
    if (current > total) numbers = `${current} ${p.units}`;
  }
  return bar + numbers;
}

export class JSONMessageDisplay {
  private ids = new Map<string, number>();
  private readonly width: number;

  constructor(
    private readonly out: OutputStream,
    private readonly isTerminal = out.isTTY,
  ) {
    this.width = out.columns ?? 200;
  }

  /** show one message; a message carrying an error is returned as JSONMessageError */
  write(jm: JSONMessage): JSONMessageError | undefined {
    if (jm.aux !== undefined) return undefined;
    const hasProgress = jm.progressDetail !== undefined;
    let diff = 0;
    if (jm.id && (hasProgress || jm.progress)) {
      let line = this.ids.get(jm.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(jm.id, line);
        if (this.isTerminal) this.out.write('\n');
      }
      diff = this.ids.size - line;
      if (this.isTerminal && diff > 0) this.out.write(`\x1b[${diff}A`);
    } else {
      this.ids = new Map();
    }
    const err = this.display(jm);
    if (jm.id && this.isTerminal && diff > 0) this.out.write(`\x1b[${diff}B`);
    return err;
  }

  private display(jm: JSONMessage): JSONMessageError | undefined {
    const error = jm.errorDetail ?? (jm.error ? { message: jm.error } : undefined);
    if (error) {
      if (error.code === 401) return new JSONMessageError('authentication is required', 401);
      return new JSONMessageError(error.message, error.code);
    }
    const hasProgress = jm.progressDetail !== undefined;
    const bar = progressString(jm.progressDetail, this.width);
    let endl = '';
    let s = '';
    if (this.isTerminal && !jm.stream && hasProgress) {
      s += '\x1b[2K\r';
      endl = '\r';
    } else if (hasProgress && bar !== '') {
      return undefined;
    }
    if (jm.id) s += `${jm.id}: `;
    if (jm.from) s += `(from ${jm.from}) `;
    if (hasProgress && this.isTerminal) s += `${jm.status ?? ''} ${bar}${endl}`;
    else if (jm.progress) s += `${jm.status ?? ''} ${jm.progress}${endl}`;
    else if (jm.stream) s += `${jm.stream}${endl}`;
    else s += `${jm.status ?? ''}${endl}\n`;
    this.out.write(s);
    return undefined;
  }
}

/**
 * Feed a stream of messages to `out` and remember the first error (the stream
 * ends there for the CLI: DisplayJSONMessagesStream returns it).
 */
export function jsonMessageSink(out: OutputStream, isTerminal = out.isTTY) {
  const display = new JSONMessageDisplay(out, isTerminal);
  let error: JSONMessageError | undefined;
  return {
    onMessage(m: JSONMessage) {
      if (error) return;
      error = display.write(m);
    },
    /** the stream's error, if it carried one */
    error: () => error,
  };
}
