import { describe, expect, it } from 'vitest';
import { ClientError } from '../../api/errors';
import type { EngineClient } from '../engine-client';
import { channelPair } from './channel';
import { createChannelClient } from './client';
import { decodeFrame, encodeFrame, FrameDecodeError } from './codec';
import { serveChannel } from './dispatcher';
import type { ServerFrame } from './frames';
import { LIMITS, MAX_FRAME_BYTES } from './limits';

/** a backend that records what reached it */
function recordingBackend() {
  const calls: { op: string; args: unknown[] }[] = [];
  const backend = new Proxy(
    {},
    {
      get(_t, op: string) {
        if (op === 'hostNetwork') return { http: async () => ({ error: 'refused' }) };
        return async (...args: unknown[]) => {
          calls.push({ op, args });
          if (op === 'containerStart' && args[0] === 'missing') throw new ClientError('NotFound', 'Error response from daemon: No such container: missing', 'No such container: missing');
          return op === 'containerExport' ? new Uint8Array([1, 2, 3]) : { ok: op };
        };
      },
    },
  ) as EngineClient;
  return { backend, calls };
}

function rawServer() {
  const { backend, calls } = recordingBackend();
  const [client, server] = channelPair();
  const errors: string[] = [];
  serveChannel(server, backend, { onProtocolError: (r) => errors.push(r) });
  const frames: ServerFrame[] = [];
  client.onFrame((f) => frames.push(f as ServerFrame));
  const settle = () => new Promise((r) => setTimeout(r, 10));
  return { client, frames, calls, errors, settle };
}

describe('dispatcher', () => {
  it('runs a valid call and carries the error texts of the client library', async () => {
    const { backend, calls } = recordingBackend();
    const [a, b] = channelPair();
    serveChannel(b, backend);
    const client = createChannelClient(a);
    await client.containerStart('web');
    expect(calls).toEqual([{ op: 'containerStart', args: ['web'] }]);
    await expect(client.containerStart('missing')).rejects.toMatchObject({
      name: 'ClientError',
      kind: 'NotFound',
      message: 'Error response from daemon: No such container: missing',
    });
    expect(await client.containerExport('web')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it.each([
    ['a case-folded field', { t: 'call', id: 1, op: 'containerCreate', args: [{ Image: 'x' }, { privileged: true }, null, ''] }, 'privileged'],
    ['a HostConfig field in Config', { t: 'call', id: 1, op: 'containerCreate', args: [{ Image: 'x', Privileged: true }, null, null, ''] }, 'Privileged'],
    ['a wrong type', { t: 'call', id: 1, op: 'containerCreate', args: [{ Image: 'x' }, { Privileged: 'true' }, null, ''] }, 'Privileged'],
    ['an unknown operation', { t: 'call', id: 1, op: 'containerExec', args: [] }, 'unknown operation'],
    ['too many arguments', { t: 'call', id: 1, op: 'containerStart', args: ['a', 'b'] }, 'containerStart'],
    ['a string past its limit', { t: 'call', id: 1, op: 'containerStart', args: ['x'.repeat(LIMITS.string + 1)] }, 'containerStart'],
    ['an enum outside its values', { t: 'call', id: 1, op: 'containerWait', args: ['a', 'whenever'] }, 'containerWait'],
    ['an inherited name as operation', { t: 'call', id: 1, op: 'constructor', args: [] }, 'unknown operation'],
  ])('refuses %s with an error and never calls the backend', async (_what, frame, mention) => {
    const { client, frames, calls, settle } = rawServer();
    client.send(frame as never);
    await settle();
    expect(calls).toEqual([]);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ t: 'error', id: 1, error: { kind: 'InvalidParameter' } });
    expect((frames[0] as { error: { message: string } }).error.message).toContain(mention);
    expect((frames[0] as { error: { message: string } }).error.message).toMatch(/^Error response from daemon: invalid request: /);
  });

  it('drops malformed frames without crashing and goes on serving', async () => {
    const { client, frames, calls, errors, settle } = rawServer();
    for (const junk of [null, 42, 'x', [], { t: 'call' }, { t: 'nope', id: 1 }, { t: 'call', id: -1, op: 'ping', args: [] }, new FrameDecodeError('frame is not JSON')]) {
      client.send(junk as never);
    }
    client.send({ t: 'call', id: 7, op: 'ping', args: [] });
    await settle();
    expect(errors).toHaveLength(8);
    expect(calls).toEqual([{ op: 'ping', args: [] }]);
    expect(frames).toEqual([{ t: 'result', id: 7, value: { ok: 'ping' } }]);
  });

  it('refuses a payload past its limit, a blob for no call, and too many calls in flight', async () => {
    const { client, frames, calls, settle } = rawServer();
    client.send({ t: 'blob', id: 3, blob: 0, data: new Uint8Array(1), last: true });
    client.send({ t: 'call', id: 4, op: 'imageLoad', args: [{ $blob: 0 }, null] });
    client.send({ t: 'blob', id: 4, blob: 0, data: new Uint8Array(LIMITS.chunk + 1), last: false });
    await settle();
    expect(calls).toEqual([]);
    expect(frames.map((f) => [f.t, f.id])).toEqual([['error', 4]]);
  });

  it('limits the calls in flight', async () => {
    const [a, b] = channelPair();
    const never = new Proxy({}, { get: () => () => new Promise(() => {}) }) as EngineClient;
    serveChannel(b, never);
    const frames: ServerFrame[] = [];
    a.onFrame((f) => frames.push(f as ServerFrame));
    for (let id = 1; id <= LIMITS.inFlight + 1; id++) a.send({ t: 'call', id, op: 'ping', args: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(frames).toEqual([
      { t: 'error', id: LIMITS.inFlight + 1, error: expect.objectContaining({ message: 'Error response from daemon: invalid request: too many operations in flight' }) },
    ]);
  });
});

describe('codec', () => {
  it('round-trips text and binary frames', () => {
    const f = { t: 'blob' as const, id: 3, blob: 1, data: new Uint8Array([0, 255, 7]), last: true };
    const enc = encodeFrame(f);
    expect(enc).toBeInstanceOf(Uint8Array);
    expect(decodeFrame(enc)).toEqual(f);
    expect(decodeFrame(encodeFrame({ t: 'cancel', id: 2 }))).toEqual({ t: 'cancel', id: 2 });
  });

  it('refuses oversized and malformed messages', () => {
    expect(() => decodeFrame('x'.repeat(MAX_FRAME_BYTES + 1))).toThrow('frame too large');
    expect(() => decodeFrame(new Uint8Array(MAX_FRAME_BYTES + 1))).toThrow('frame too large');
    expect(() => decodeFrame('{')).toThrow('not JSON');
    expect(() => decodeFrame(new Uint8Array([0, 0, 0, 9, 1]))).toThrow('bad header length');
    expect(() => decodeFrame(new Uint8Array([0, 0, 0, 1, 0xff]))).toThrow('UTF-8');
    const withData = new TextEncoder().encode('{"data":1}');
    expect(() => decodeFrame(new Uint8Array([0, 0, 0, withData.length, ...withData]))).toThrow('header');
  });
});
