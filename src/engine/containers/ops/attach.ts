/**
 * POST /containers/{id}/attach: stream the container's output to the client
 * and (with stdin) the client's input to PID 1, until the container's output
 * ends (it exits), the client types the detach keys, or the caller aborts.
 */
import type { Abortable } from '../abort';
import type { AttachOptions, AttachResult, LogChunk } from '../../../api/container';
import { conflict, invalidParameter } from '../../../api/errors';
import type { ProcessIO } from '../../../api/io';
import type { Engine } from '../../engine';
import type { ContainerRecord } from '../container-record';
import type { StdinSource } from '../stdin-pipe';
import { signalInit } from '../lifecycle';

const KEY_NAMES: Record<string, number> = { '@': 0, '[': 27, '\\': 28, ']': 29, '^': 30, _: 31 };

/** "ctrl-p,ctrl-q" → [16, 17] (docker's term.ToBytes) */
export function parseDetachKeys(spec: string | undefined): number[] {
  const s = spec === undefined || spec === '' ? 'ctrl-p,ctrl-q' : spec;
  const out: number[] = [];
  for (const part of s.split(',')) {
    const k = part.trim().toLowerCase();
    if (k.length === 1) {
      out.push(k.charCodeAt(0));
      continue;
    }
    const m = /^ctrl-(.)$/.exec(k);
    if (!m) throw invalidParameter(`Invalid escape keys (${s}) provided`);
    const ch = m[1] as string;
    if (ch >= 'a' && ch <= 'z') out.push(ch.charCodeAt(0) - 96);
    else if (ch in KEY_NAMES) out.push(KEY_NAMES[ch] as number);
    else throw invalidParameter(`Invalid escape keys (${s}) provided`);
  }
  return out;
}

export function checkAttachable(c: ContainerRecord): void {
  if (c.State.Paused) throw conflict('You cannot attach to a paused container, unpause it first');
  if (c.State.Restarting) throw conflict('You cannot attach to a restarting container, wait until it is running');
}

export function attachContainer(engine: Engine, ref: string, opts: AttachOptions, io: ProcessIO, signal?: Abortable): Promise<AttachResult> {
  const c = engine.containers.resolve(ref);
  checkAttachable(c);
  const keys = parseDetachKeys(opts.detachKeys);
  engine.events.emit(engine.clock.now(), 'container', 'attach', c.ID, { ...(c.Config.Labels ?? {}), image: c.Config.Image, name: c.Name.slice(1) });
  return new Promise<AttachResult>((resolve) => {
    let source: StdinSource | undefined;
    const onOutput = (chunk: LogChunk) => {
      if (chunk.stream === 'stdout' && opts.stdout) io.stdout.write(chunk.text);
      if (chunk.stream === 'stderr' && opts.stderr) io.stderr.write(chunk.text);
    };
    if (opts.logs) for (const e of c.logs) onOutput(e);
    const finish = (detached: boolean) => {
      c.listeners.delete(onOutput);
      c.exitListeners.delete(onExit);
      c.removeListeners.delete(onRemoved);
      if (source) c.stdin?.detachSource(source);
      resolve({ detached });
    };
    const onExit = () => finish(false);
    const onRemoved = () => finish(false);
    if (opts.stream !== false) {
      c.listeners.add(onOutput);
      c.exitListeners.add(onExit);
      c.removeListeners.add(onRemoved);
    }
    if (opts.stdin && c.Config.OpenStdin) {
      // the pipe exists once the container starts; attach before start (docker run) hooks in then
      const hook = () => {
        if (!c.stdin) return;
        source = {
          stream: io.stdin,
          detachKeys: keys,
          onDetach: () => finish(true),
          onEnd: () => {
            if (c.Config.StdinOnce) c.stdin?.close();
          },
        };
        c.stdin.attachSource(source);
      };
      if (c.State.Running) hook();
      else c.startListeners.add(hook);
    }
    signal?.addEventListener('abort', () => finish(false), { once: true });
    // the client sizes the terminal of a running TTY container: its shell gets SIGWINCH and redraws the prompt
    if (c.Config.Tty && c.State.Running && opts.stream !== false) signalInit(c, 'SIGWINCH');
    if (opts.stream === false) finish(false);
  });
}
