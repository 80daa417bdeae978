/**
 * Test helpers for CLI commands: a CommandContext whose stdout/stderr are
 * captured strings and whose stdin is a fixed text. Used by unit tests only.
 */
import type { FileSystem } from '../../api/fs';
import type { InputStream, OutputStream, ProcessIO } from '../../api/io';
import type { EngineClient } from '../../client/engine-client';
import type { CommandContext } from './command';

export interface CapturedStream extends OutputStream {
  /** everything written, as text */
  text(): string;
}

export function captureStream(isTTY = false, columns?: number): CapturedStream {
  let buf = '';
  const dec = new TextDecoder();
  return {
    isTTY,
    columns,
    write(data: string | Uint8Array) {
      buf += typeof data === 'string' ? data : dec.decode(data);
    },
    text: () => buf,
  };
}

export function fixedInput(text = '', isTTY = false): InputStream {
  let bytes: Uint8Array | null = new TextEncoder().encode(text);
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  return {
    isTTY,
    async read() {
      const b = bytes;
      bytes = null;
      return b && b.length > 0 ? b : null;
    },
    async readLine() {
      return lines.length > 0 ? lines.shift()! : null;
    },
    async readAll() {
      const b = bytes ?? new Uint8Array();
      bytes = null;
      return b;
    },
  };
}

export interface TestContextOptions {
  client?: EngineClient;
  hostFs?: FileSystem;
  env?: Record<string, string>;
  stdin?: string;
  /** stdin/stdout/stderr are a terminal of this width */
  tty?: { columns: number };
  commandPath?: string;
  /** the session's clock; by default the instant the test engines start at (TEST_EPOCH) */
  now?: () => number;
}

/** 2026-11-23T08:00:00Z: where the test engines' VirtualClock starts, so CREATED columns never follow the machine's date */
export const TEST_EPOCH = Date.parse('2026-11-23T08:00:00Z');

export interface TestContext extends CommandContext {
  stdout: CapturedStream;
  stderr: CapturedStream;
}

/** A context for running commands in tests; client and hostFs must be given when a command uses them. */
export function testContext(opts: TestContextOptions = {}): TestContext {
  const tty = opts.tty !== undefined;
  const stdout = captureStream(tty, opts.tty?.columns);
  const stderr = captureStream(tty, opts.tty?.columns);
  const io: ProcessIO = {
    stdin: fixedInput(opts.stdin ?? '', tty),
    stdout,
    stderr,
    interrupt: new AbortController().signal,
  };
  const missing = (what: string) =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          throw new Error(`testContext: no ${what} given (accessed ${String(prop)})`);
        },
      },
    );
  return {
    client: opts.client ?? (missing('client') as EngineClient),
    hostFs: opts.hostFs ?? (missing('hostFs') as FileSystem),
    io,
    cwd: '/root',
    env: opts.env ?? { HOME: '/root', PATH: '/usr/local/bin:/usr/bin:/bin' },
    commandPath: opts.commandPath ?? 'docker',
    now: opts.now ?? (() => TEST_EPOCH),
    stdout,
    stderr,
  };
}
