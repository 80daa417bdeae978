/**
 * Test helpers: a channel pair whose frames go through the WebSocket codec
 * (encoded, then decoded) as they would over a socket, and a client served by
 * a dispatcher over such a pair.
 */
import type { EngineClient } from '../engine-client';
import type { Channel } from './channel';
import { channelPair } from './channel';
import { createChannelClient } from './client';
import { decodeFrame, encodeFrame } from './codec';
import { serveChannel } from './dispatcher';
import type { Frame } from './frames';

/** a channel pair whose frames are encoded and decoded on the way, like a WebSocket's */
export function codecChannelPair(counts?: Map<string, number>): [Channel, Channel] {
  const [a, b] = channelPair();
  const wrap = (ch: Channel): Channel => ({
    ...ch,
    send: (f: Frame) => {
      const key = f.t === 'call' ? `call:${f.op}` : f.t;
      counts?.set(key, (counts.get(key) ?? 0) + 1);
      ch.send(decodeFrame(encodeFrame(f)) as Frame);
    },
  });
  return [wrap(a), wrap(b)];
}

/** `backend` behind the protocol: what the client calls crosses a codec channel and a dispatcher */
export function throughProtocol(
  backend: EngineClient,
  onProtocolError?: (reason: string) => void,
  counts?: Map<string, number>,
): EngineClient {
  const [clientEnd, serverEnd] = codecChannelPair(counts);
  serveChannel(serverEnd, backend, { onProtocolError });
  return createChannelClient(clientEnd);
}
