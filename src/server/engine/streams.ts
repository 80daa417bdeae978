/**
 * The raw streams of logs, attach and exec: Docker's multiplexed framing
 * (8-byte header: stream type, 3 zero bytes, big-endian length) when the
 * container has no TTY, plain bytes when it has one.
 */
import type { Duplex, Readable } from 'node:stream';
import type { AttachResult } from '../../api/container';
import type { ProcessIO } from '../../api/io';

export type Sink = (fd: 1 | 2, data: Uint8Array) => void;

/** a parser of the multiplexed stream, fed chunk by chunk */
export function demuxer(sink: Sink): (chunk: Uint8Array) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([buf, chunk]);
    while (buf.length >= 8) {
      const size = buf.readUInt32BE(4);
      if (buf.length < 8 + size) break;
      const fd = buf[0] === 2 ? 2 : 1;
      sink(fd, new Uint8Array(buf.subarray(8, 8 + size)));
      buf = buf.subarray(8 + size);
    }
  };
}

export async function pumpOutput(stream: Readable, tty: boolean, sink: Sink): Promise<void> {
  const feed = tty ? (c: Uint8Array) => sink(1, c) : demuxer(sink);
  for await (const chunk of stream) feed(chunk as Uint8Array);
}

/** "ctrl-p,ctrl-q" → [16, 17] (docker's term.ToBytes) */
export function detachKeyBytes(spec: string | undefined): number[] {
  const s = spec || 'ctrl-p,ctrl-q';
  const out: number[] = [];
  for (const k of s.split(',')) {
    const key = k.trim().toLowerCase();
    if (key.length === 1) out.push(key.charCodeAt(0));
    else if (/^ctrl-[a-z@[\\\]^_]$/.test(key)) {
      const c = key[5];
      out.push(c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 96 : { '@': 0, '[': 27, '\\': 28, ']': 29, '^': 30, _: 31 }[c] ?? 0);
    }
  }
  return out;
}

/**
 * Run an interactive stream: output to io until the connection ends; with
 * stdin, the client's input goes in (watching for the detach keys) and end of
 * input half-closes it. Ctrl-C (io.interrupt) or `signal` leaves the process
 * running and ends the stream, as the docker CLI does.
 */
export function runInteractive(
  sock: Duplex,
  io: ProcessIO,
  opts: { tty: boolean; stdin: boolean; detachKeys: number[]; signal?: AbortSignal },
): Promise<AttachResult> {
  return new Promise<AttachResult>((resolve) => {
    let detached = false;
    let done = false;
    let matched = 0;
    const finish = () => {
      if (done) return;
      done = true;
      opts.signal?.removeEventListener('abort', stop);
      io.interrupt.removeEventListener('abort', stop);
      resolve({ detached });
    };
    const stop = () => {
      sock.destroy();
      finish();
    };
    opts.signal?.addEventListener('abort', stop, { once: true });
    if (!opts.tty) io.interrupt.addEventListener('abort', stop, { once: true });
    const feed = opts.tty ? (c: Uint8Array) => io.stdout.write(c) : demuxer((fd, d) => (fd === 2 ? io.stderr : io.stdout).write(d));
    sock.on('data', (c: Buffer) => feed(new Uint8Array(c.buffer, c.byteOffset, c.byteLength)));
    sock.on('end', finish);
    sock.on('close', finish);
    sock.on('error', finish);
    if (!opts.stdin) return;
    void (async () => {
      while (!done) {
        const data = await io.stdin.read();
        if (done) return;
        if (data === null) {
          sock.end();
          return;
        }
        for (const b of data) {
          matched = opts.detachKeys.length > 0 && b === opts.detachKeys[matched] ? matched + 1 : b === opts.detachKeys[0] ? 1 : 0;
          if (matched === opts.detachKeys.length && matched > 0) detached = true;
        }
        sock.write(data);
      }
    })();
  });
}
